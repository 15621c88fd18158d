package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.DeviceBuffer;

/**
 * An OpenCL buffer of {@link #length()} elements, held in a device allocation of
 * {@link #capacityBytes()} (the allocator's size class). An INT32 buffer may also know the range of
 * its values (set when written from the host or filled), which lets gather and scatter-add skip the
 * device-side index check and its wait.
 */
final class ClBuffer extends DeviceBuffer {
    private final long capacityBytes;
    private long mem;
    private int[] knownRange;

    ClBuffer(DType dtype, int length, long mem, long capacityBytes) {
        super(dtype, length);
        this.mem = mem;
        this.capacityBytes = capacityBytes;
    }

    long capacityBytes() {
        return capacityBytes;
    }

    /** The cl_mem handle; fails clearly once freed. */
    long mem() {
        if (mem == 0) {
            throw new IllegalStateException("OpenCL buffer used after free: " + this);
        }
        return mem;
    }

    boolean freed() {
        return mem == 0;
    }

    /** Marks the buffer freed and returns its handle (0 when it already was). */
    long release() {
        long handle = mem;
        mem = 0;
        return handle;
    }

    /** {min, max} of the values when known on the host, else null. */
    int[] knownRange() {
        return knownRange;
    }

    /** Records the values' range, or null when a device kernel wrote them. */
    void knownRange(int[] range) {
        knownRange = range;
    }

    /** This buffer, checked to hold {@code expected}; names the operation and operand when not. */
    ClBuffer expect(DType expected, String op, String operand) {
        if (dtype() != expected) {
            throw new IllegalArgumentException(op + ": " + operand + " is " + dtype() + ", expected " + expected);
        }
        mem();
        return this;
    }

    static ClBuffer of(Buffer buffer) {
        return own(buffer, ClBuffer.class, "OpenCL");
    }
}
