package org.jgrad.cuda;

/** Raw device memory under the {@link CachingAllocator}: the driver, or a fake in tests. */
interface DeviceMemory<P> {
    /** A new block of {@code bytes}, or null when the device is out of memory. */
    P allocate(long bytes);

    void release(P block);

    /** Free device memory in bytes. */
    long freeBytes();
}
