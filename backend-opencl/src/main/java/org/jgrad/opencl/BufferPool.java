package org.jgrad.opencl;

import static org.lwjgl.opencl.CL10.CL_MEM_READ_WRITE;
import static org.lwjgl.opencl.CL10.clCreateBuffer;
import static org.lwjgl.opencl.CL10.clReleaseMemObject;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.lwjgl.system.MemoryStack;

/**
 * The caching device allocator. Sizes round up to a size class (quarter-octave steps, at least
 * 256 bytes, so at most a quarter is wasted); freed allocations wait in a list per class and the
 * next request of that class takes one instead of calling the driver. Reuse is safe without
 * waiting because the backend has one in-order queue: work queued after the reuse runs after the
 * work that used the allocation before. When the driver runs out of memory the cache is released
 * and the request tried once more. Live counts let tests see that memory stays flat.
 */
final class BufferPool {
    private static final long MIN_BYTES = 256;
    private final long context;
    private final Map<Long, ArrayDeque<Long>> cached = new HashMap<>();
    private long liveBuffers;
    private long liveBytes;
    private long cachedBytes;

    BufferPool(long context) {
        this.context = context;
    }

    /** The size class holding {@code bytes}: the next quarter-octave step, at least MIN_BYTES. */
    static long sizeClass(long bytes) {
        if (bytes <= MIN_BYTES) {
            return MIN_BYTES;
        }
        long step = Long.highestOneBit(bytes - 1) >> 2;
        return (bytes + step - 1) / step * step;
    }

    /** A device allocation of {@code sizeClass} bytes, reused when one is cached. */
    synchronized long take(long sizeClass) {
        ArrayDeque<Long> list = cached.get(sizeClass);
        long mem;
        if (list != null && !list.isEmpty()) {
            mem = list.pop();
            cachedBytes -= sizeClass;
        } else {
            mem = create(sizeClass);
        }
        liveBuffers++;
        liveBytes += sizeClass;
        return mem;
    }

    /** Returns an allocation of {@code sizeClass} bytes to the cache. */
    synchronized void give(long mem, long sizeClass) {
        cached.computeIfAbsent(sizeClass, c -> new ArrayDeque<>()).push(mem);
        liveBuffers--;
        liveBytes -= sizeClass;
        cachedBytes += sizeClass;
    }

    /** Releases every cached allocation to the driver. */
    synchronized void trim() {
        for (ArrayDeque<Long> list : cached.values()) {
            for (long mem : list) {
                ClError.check(clReleaseMemObject(mem), "clReleaseMemObject");
            }
        }
        cached.clear();
        cachedBytes = 0;
    }

    synchronized MemoryStats stats() {
        return new MemoryStats(liveBuffers, liveBytes, cachedBytes);
    }

    private long create(long bytes) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var error = stack.mallocInt(1);
            long mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, error);
            if (ClError.outOfMemory(error.get(0)) && cachedBytes > 0) {
                trim();
                mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, error);
            }
            ClError.check(error.get(0), "clCreateBuffer(" + bytes + " bytes)");
            return mem;
        }
    }
}
