package org.jgrad.backend.device;

/**
 * Raw device memory under a {@link CachingAllocator}: the driver's allocate and free, or a fake in
 * tests.
 *
 * @param <P> the device's handle of a block (a pointer object, a cl_mem id)
 */
public interface DeviceMemory<P> {

    /** A new block of {@code bytes}, or null when the device is out of memory. */
    P allocate(long bytes);

    /** Gives a block back to the device. */
    void release(P block);

    /** Free device memory in bytes, for the out-of-memory message (-1 where the device cannot tell). */
    long freeBytes();
}
