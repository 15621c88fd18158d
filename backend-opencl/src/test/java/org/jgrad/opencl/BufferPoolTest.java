package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;

/** Size classes of the caching allocator, and reuse of a freed allocation. */
class BufferPoolTest {

    @Test
    void sizeClassesAreQuarterOctaveStepsOfAtLeast256Bytes() {
        assertEquals(256, BufferPool.sizeClass(0));
        assertEquals(256, BufferPool.sizeClass(256));
        assertEquals(320, BufferPool.sizeClass(257));
        assertEquals(1024, BufferPool.sizeClass(1000));
        assertEquals(1280, BufferPool.sizeClass(1025));
        for (long bytes = 1; bytes < 1 << 22; bytes = bytes * 3 / 2 + 1) {
            long size = BufferPool.sizeClass(bytes);
            assertTrue(size >= bytes && size <= Math.max(256, bytes * 5 / 4 + 1), bytes + " -> " + size);
        }
    }

    @Test
    void aFreedBufferIsReusedZeroed() {
        OpenClBackend backend = SharedOpenCl.opencl();
        Buffer first = backend.allocate(DType.FLOAT32, 1000);
        backend.fill(first, 3f);
        MemoryStats held = backend.memoryStats();
        backend.free(first);
        Buffer second = backend.allocate(DType.FLOAT32, 990); // the same size class
        assertEquals(held, backend.memoryStats(), "taken from the cache, not from the driver");
        assertEquals(0f, backend.downloadFloat(second)[989]);
        backend.free(second);
    }
}
