package org.jgrad.cpu;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.DeviceBuffer;

/**
 * A CPU buffer: a Java array on the heap, float[] for FLOAT32, int[] for INT32 and short[] (the
 * raw 16 bits) for FLOAT16 and BFLOAT16.
 */
final class CpuBuffer extends DeviceBuffer {
    private float[] floats;
    private int[] ints;
    private short[] halves;

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
        } else if (dtype.isHalf()) {
            halves = new short[length];
        } else {
            ints = new int[length];
        }
    }

    /** The FLOAT32 storage; fails clearly on a buffer of another dtype or a freed one. */
    float[] floats() {
        return require(floats, DType.FLOAT32);
    }

    /** The INT32 storage; fails clearly on a buffer of another dtype or a freed one. */
    int[] ints() {
        return require(ints, DType.INT32);
    }

    /** The 16-bit storage of a FLOAT16 or BFLOAT16 buffer; fails clearly on another dtype or a freed buffer. */
    short[] halves() {
        if (halves == null) {
            throw new IllegalStateException(freed() ? "buffer used after free"
                    : "expected a FLOAT16 or BFLOAT16 buffer, got " + dtype());
        }
        return halves;
    }

    /** The storage array, whichever the dtype (for copies that move elements without reading them). */
    Object storage() {
        return floats != null ? floats : ints != null ? ints : halves();
    }

    private <A> A require(A storage, DType expected) {
        if (storage == null) {
            throw new IllegalStateException(freed() ? "buffer used after free"
                    : "expected a " + expected + " buffer, got " + dtype());
        }
        return storage;
    }

    private boolean freed() {
        return floats == null && ints == null && halves == null;
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
        halves = null;
    }

    static CpuBuffer of(Buffer buffer) {
        return own(buffer, CpuBuffer.class, "CPU");
    }
}
