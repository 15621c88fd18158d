package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.device.MemoryStats;
import org.junit.jupiter.api.Test;

/** The shared caching allocator under OpenCL: a freed allocation is reused, and zeroed again. */
class AllocatorReuseTest {

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
