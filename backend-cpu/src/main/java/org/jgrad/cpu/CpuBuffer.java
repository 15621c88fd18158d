package org.jgrad.cpu;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;

/** A CPU buffer: a Java array on the heap, float[] for FLOAT32 and int[] for INT32. */
final class CpuBuffer implements Buffer {
    private final DType dtype;
    private final int length;
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
        if (length < 0) {
            throw new IllegalArgumentException("allocate: negative length " + length);
        }
        this.dtype = dtype;
        this.length = length;
        if (dtype == DType.FLOAT32) {
            floats = pool == null ? new float[length] : pool.take(length, zeroed);
        } else {
            ints = new int[length];
        }
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int length() {
        return length;
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
        if (buffer instanceof CpuBuffer cpu) {
            return cpu;
        }
        throw new IllegalArgumentException("the CPU backend was given a buffer of another backend: " + buffer);
    }

    @Override
    public String toString() {
        return "CpuBuffer[" + dtype + " x " + length + "]";
    }
}
