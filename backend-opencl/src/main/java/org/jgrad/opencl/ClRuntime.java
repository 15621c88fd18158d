package org.jgrad.opencl;

import static org.lwjgl.opencl.CL10.clCreateCommandQueue;
import static org.lwjgl.opencl.CL10.clCreateContext;
import static org.lwjgl.opencl.CL10.clCreateKernel;
import static org.lwjgl.opencl.CL10.clEnqueueCopyBuffer;
import static org.lwjgl.opencl.CL10.clEnqueueReadBuffer;
import static org.lwjgl.opencl.CL10.clEnqueueWriteBuffer;
import static org.lwjgl.opencl.CL10.clFinish;
import static org.lwjgl.opencl.CL10.clReleaseCommandQueue;
import static org.lwjgl.opencl.CL10.clReleaseContext;
import static org.lwjgl.opencl.CL10.clReleaseKernel;
import static org.lwjgl.opencl.CL10.clReleaseProgram;
import static org.lwjgl.opencl.CL12.clEnqueueFillBuffer;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jgrad.backend.device.CachingAllocator;
import org.lwjgl.system.MemoryStack;

/**
 * The OpenCL objects of one backend: context, one in-order queue, the built program and its
 * kernels (created on first use), the caching allocator and the upload staging. Transfers and
 * launches are queued; only {@link #read} waits.
 */
final class ClRuntime implements AutoCloseable {
    private final ClDevice device;
    private final long context;
    private final long queue;
    private final long program;
    private final Map<String, Long> kernels = new HashMap<>();
    private final CachingAllocator<Long> allocator;
    private final UploadStaging staging = new UploadStaging();

    ClRuntime(ClDevice device) {
        this.device = device;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var error = stack.mallocInt(1);
            var properties = stack.pointers(0x1084 /* CL_CONTEXT_PLATFORM */, device.platform(), 0);
            context = clCreateContext(properties, device.id(), null, 0, error);
            ClError.check(error.get(0), "clCreateContext");
            queue = clCreateCommandQueue(context, device.id(), 0, error);
            ClError.check(error.get(0), "clCreateCommandQueue");
        }
        try {
            program = ProgramCache.build(context, device, KernelSource.program(), buildOptions(device));
        } catch (RuntimeException e) {
            clReleaseCommandQueue(queue);
            clReleaseContext(context);
            throw e;
        }
        allocator = new CachingAllocator<>("opencl", new ClMemory(context));
    }

    private static String buildOptions(ClDevice device) {
        return (device.fp64() ? "-DJGRAD_FP64 " : "") + (device.roundedDivideSqrt() ? "-cl-fp32-correctly-rounded-divide-sqrt" : "");
    }

    ClDevice device() {
        return device;
    }

    CachingAllocator<Long> allocator() {
        return allocator;
    }

    /** A launch of the kernel called {@code name}. */
    Launch launch(String name) {
        long kernel = kernels.computeIfAbsent(name, n -> {
            try (MemoryStack stack = MemoryStack.stackPush()) {
                var error = stack.mallocInt(1);
                long k = clCreateKernel(program, n, error);
                ClError.check(error.get(0), "clCreateKernel(" + n + ")");
                return k;
            }
        });
        return new Launch(queue, kernel, name);
    }

    /** Queues a write of {@code host} (its remaining bytes, taken over by the staging) into {@code mem}. */
    void write(long mem, ByteBuffer host) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var event = stack.mallocPointer(1);
            ClError.check(clEnqueueWriteBuffer(queue, mem, false, 0, host, null, event), "clEnqueueWriteBuffer");
            staging.inFlight(event.get(0), host);
        }
    }

    /** Native memory for a write of {@code bytes}. */
    ByteBuffer stage(int bytes) {
        return staging.allocate(bytes);
    }

    /** Copies {@code into.remaining()} bytes from {@code mem} at byte {@code offset}, waiting for all queued work. */
    void read(long mem, long offset, ByteBuffer into) {
        ClError.check(clEnqueueReadBuffer(queue, mem, true, offset, into, null, null), "clEnqueueReadBuffer");
        staging.freeAllAfterFinish();
    }

    /** Queues a fill of the first {@code bytes} of {@code mem} with a 4-byte pattern. */
    void fill(long mem, int pattern, long bytes) {
        if (bytes == 0) {
            return;
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            ByteBuffer p = stack.malloc(4).putInt(0, pattern);
            ClError.check(clEnqueueFillBuffer(queue, mem, p, 0, bytes, null, null), "clEnqueueFillBuffer");
        }
    }

    /** Queues a device-to-device copy of {@code bytes}. */
    void copy(long src, long dst, long bytes) {
        if (bytes > 0) {
            ClError.check(clEnqueueCopyBuffer(queue, src, dst, 0, 0, bytes, null, null), "clEnqueueCopyBuffer");
        }
    }

    @Override
    public void close() {
        ClError.check(clFinish(queue), "clFinish");
        staging.freeAllAfterFinish();
        allocator.releaseCache();
        for (long kernel : kernels.values()) {
            ClError.check(clReleaseKernel(kernel), "clReleaseKernel");
        }
        ClError.check(clReleaseProgram(program), "clReleaseProgram");
        ClError.check(clReleaseCommandQueue(queue), "clReleaseCommandQueue");
        ClError.check(clReleaseContext(context), "clReleaseContext");
    }
}
