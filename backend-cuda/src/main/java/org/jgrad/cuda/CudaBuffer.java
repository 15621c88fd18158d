package org.jgrad.cuda;

import jcuda.driver.CUdeviceptr;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.DeviceBuffer;

/** A CUDA buffer: a block of the backend's {@link org.jgrad.backend.device.CachingAllocator}, null for zero elements. */
final class CudaBuffer extends DeviceBuffer {
    private CUdeviceptr pointer;
    private boolean freed;

    CudaBuffer(DType dtype, int length, CUdeviceptr pointer) {
        super(dtype, length);
        this.pointer = pointer;
    }

    long bytes() {
        return (long) length() * dtype().bytes();
    }

    /** The device pointer; fails clearly on a freed buffer. */
    CUdeviceptr pointer() {
        if (freed) {
            throw new IllegalStateException("buffer used after free: " + this);
        }
        return pointer;
    }

    /** Marks the buffer freed and hands back its block (null when already freed). */
    CUdeviceptr release() {
        CUdeviceptr block = freed ? null : pointer;
        freed = true;
        pointer = null;
        return block;
    }

    static CudaBuffer of(Buffer buffer, DType expected, String op, String operand) {
        CudaBuffer cuda = own(buffer, CudaBuffer.class, "CUDA");
        if (expected != null && cuda.dtype() != expected) {
            throw new IllegalArgumentException(op + ": " + operand + " is " + cuda.dtype() + ", expected " + expected);
        }
        return cuda;
    }
}
