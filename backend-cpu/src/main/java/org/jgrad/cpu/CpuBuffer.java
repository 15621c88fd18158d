package org.jgrad.cpu;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.DeviceBuffer;

/** A CPU buffer: a Java array on the heap, float[] for FLOAT32 and int[] for INT32. */
final class CpuBuffer extends DeviceBuffer {
    private float[] floats;
    private int[] ints;

    CpuBuffer(DType dtype, int length) {
        this(dtype, length, null, true);
    }

    /**
     * As {@link #CpuBuffer(DType, int)}, FLOAT32 storage taken from {@code pool} when not null;
     * recycled storage keeps its old contents unless {@code zeroed}.
     */
    CpuBuffer(DType dtype, int length, ArrayPool pool, boolean zeroed) {
        super(dtype, length);
        if (dtype == DType.FLOAT32) {
            floats = pool == null ? new float[length] : pool.take(length, zeroed);
        } else {
            ints = new int[length];
        }
    }

    /** The FLOAT32 storage; fails clearly on an INT32 or freed buffer. */
    float[] floats() {
        if (floats == null) {
            throw new IllegalStateException(ints == null ? "buffer used after free" : "expected a FLOAT32 buffer, got INT32");
        }
        return floats;
    }

    /** The INT32 storage; fails clearly on a FLOAT32 or freed buffer. */
    int[] ints() {
        if (ints == null) {
            throw new IllegalStateException(floats == null ? "buffer used after free" : "expected an INT32 buffer, got FLOAT32");
        }
        return ints;
    }

    void free() {
        free(null);
    }

    /** Frees the buffer, handing its FLOAT32 storage to {@code pool} when not null. */
    void free(ArrayPool pool) {
        if (pool != null) {
            pool.give(floats);
        }
        floats = null;
        ints = null;
    }

    static CpuBuffer of(Buffer buffer) {
        return own(buffer, CpuBuffer.class, "CPU");
    }
}
