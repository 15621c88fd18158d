package org.jgrad.backend.device;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Device memory by size class ({@link SizeClasses}): a freed block goes to its class's free list
 * and the next request of that class takes it back, so a training loop that makes the same
 * tensors every step stops calling the driver after the first. Reuse without waiting is safe on a
 * backend with one in-order stream or queue: work queued after the reuse runs after the work that
 * used the block before. When the device is full the cache is released and the request tried once
 * more; then it fails saying how many bytes were asked and how many are free. Thread-safe: a
 * Cleaner may free blocks from its own thread.
 *
 * @param <P> the device's handle of a block ({@link DeviceMemory} makes and releases them)
 */
public final class CachingAllocator<P> {
    private final String device;
    private final DeviceMemory<P> memory;
    private final Map<Long, ArrayDeque<P>> free = new HashMap<>();
    private long liveBuffers;
    private long liveBytes;
    private long cachedBytes;

    /** An allocator over {@code memory}; {@code device} names it in messages ("cuda", "opencl"). */
    public CachingAllocator(String device, DeviceMemory<P> memory) {
        this.device = device;
        this.memory = memory;
    }

    /** A block of at least {@code bytes}; null for 0 bytes. Its size is {@link SizeClasses#classOf}(bytes). */
    public synchronized P allocate(long bytes) {
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
                    throw new OutOfDeviceMemoryException(device + ": out of device memory allocating " + bytes
                            + " bytes (block of " + size + "); " + memory.freeBytes() + " bytes free after releasing "
                            + released + " cached bytes, " + liveBytes + " bytes held by live buffers");
                }
            }
        }
        liveBuffers++;
        liveBytes += size;
        return block;
    }

    /** Returns a block of {@code bytes} (as asked of {@link #allocate}) to the cache. */
    public synchronized void free(P block, long bytes) {
        if (block == null) {
            return;
        }
        long size = SizeClasses.classOf(bytes);
        free.computeIfAbsent(size, s -> new ArrayDeque<>()).push(block);
        liveBuffers--;
        liveBytes -= size;
        cachedBytes += size;
    }

    /** Gives every cached block back to the device; returns the bytes released. */
    public synchronized long releaseCache() {
        long released = cachedBytes;
        free.values().forEach(list -> list.forEach(memory::release));
        free.clear();
        cachedBytes = 0;
        return released;
    }

    /** Live blocks, their bytes, and the cached bytes. */
    public synchronized MemoryStats stats() {
        return new MemoryStats(liveBuffers, liveBytes, cachedBytes);
    }
}
