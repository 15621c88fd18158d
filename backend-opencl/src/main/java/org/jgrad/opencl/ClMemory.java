package org.jgrad.opencl;

import static org.lwjgl.opencl.CL10.CL_MEM_READ_WRITE;
import static org.lwjgl.opencl.CL10.clCreateBuffer;
import static org.lwjgl.opencl.CL10.clReleaseMemObject;

import org.jgrad.backend.device.DeviceMemory;
import org.lwjgl.system.MemoryStack;

/** {@link DeviceMemory} from clCreateBuffer and clReleaseMemObject in one context; blocks are cl_mem handles. */
final class ClMemory implements DeviceMemory<Long> {
    private final long context;

    ClMemory(long context) {
        this.context = context;
    }

    @Override
    public Long allocate(long bytes) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var error = stack.mallocInt(1);
            long mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, error);
            if (ClError.outOfMemory(error.get(0))) {
                return null;
            }
            ClError.check(error.get(0), "clCreateBuffer(" + bytes + " bytes)");
            return mem;
        }
    }

    @Override
    public void release(Long block) {
        ClError.check(clReleaseMemObject(block), "clReleaseMemObject");
    }

    /** OpenCL 1.2 cannot tell. */
    @Override
    public long freeBytes() {
        return -1;
    }
}
