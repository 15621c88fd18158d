package org.jgrad.backend;

import org.jgrad.DType;

/**
 * What every backend's {@link Buffer} has in common: its dtype and length, a readable
 * {@code toString}, and the check that a buffer handed to a backend is one of its own.
 */
public abstract class DeviceBuffer implements Buffer {
    private final DType dtype;
    private final int length;

    protected DeviceBuffer(DType dtype, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("allocate: negative length " + length);
        }
        this.dtype = dtype;
        this.length = length;
    }

    @Override
    public final DType dtype() {
        return dtype;
    }

    @Override
    public final int length() {
        return length;
    }

    /**
     * {@code buffer} as the backend's own buffer class; fails naming the backend when another
     * backend made it.
     */
    protected static <B extends Buffer> B own(Buffer buffer, Class<B> type, String backend) {
        if (type.isInstance(buffer)) {
            return type.cast(buffer);
        }
        throw new IllegalArgumentException("the " + backend + " backend was given a buffer of another backend: " + buffer);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + dtype + " x " + length + "]";
    }
}
