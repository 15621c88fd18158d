package org.jgrad.cuda;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Device memory by size class ({@link SizeClasses}): a freed block goes to its class's free list
 * and the next request of that class takes it back, so a training loop that makes the same
 * tensors every step stops calling the driver after the first. All work runs on one stream, so a
 * block freed after queueing kernels that use it may be reused at once: later kernels run after
 * them. When the device is full the cache is released and the request tried once more; then it
 * fails saying how many bytes were asked and how many are free.
 *
 * @param <P> the device pointer type ({@link DeviceMemory} makes and releases them)
 */
final class CachingAllocator<P> {
    private final DeviceMemory<P> memory;
    private final Map<Long, ArrayDeque<P>> free = new HashMap<>();
    private long cachedBytes;
    private long usedBytes;

    CachingAllocator(DeviceMemory<P> memory) {
        this.memory = memory;
    }

    /** A block of at least {@code bytes}; null for 0 bytes. Its size is {@link SizeClasses#classOf}(bytes). */
    synchronized P allocate(long bytes) {
        long size = SizeClasses.classOf(bytes);
        if (size == 0) {
            return null;
        }
        ArrayDeque<P> list = free.get(size);
        P block = list == null ? null : list.poll();
        if (block != null) {
            cachedBytes -= size;
        } else {
            block = memory.allocate(size);
            if (block == null) {
                long released = releaseCache();
                block = memory.allocate(size);
                if (block == null) {
                    throw new CudaException("cuda: out of device memory allocating " + bytes + " bytes (block of "
                            + size + "); " + memory.freeBytes() + " bytes free after releasing " + released
                            + " cached bytes, " + usedBytes + " bytes held by live buffers");
                }
            }
        }
        usedBytes += size;
        return block;
    }

    /** Returns a block of {@code bytes} (as asked of {@link #allocate}) to the cache. */
    synchronized void free(P block, long bytes) {
        if (block == null) {
            return;
        }
        long size = SizeClasses.classOf(bytes);
        free.computeIfAbsent(size, s -> new ArrayDeque<>()).push(block);
        usedBytes -= size;
        cachedBytes += size;
    }

    /** Gives every cached block back to the device; returns the bytes released. */
    synchronized long releaseCache() {
        long released = cachedBytes;
        free.values().forEach(list -> list.forEach(memory::release));
        free.clear();
        cachedBytes = 0;
        return released;
    }

    /** Bytes in blocks that live buffers hold. */
    synchronized long usedBytes() {
        return usedBytes;
    }

    /** Bytes in freed blocks kept for reuse. */
    synchronized long cachedBytes() {
        return cachedBytes;
    }
}
