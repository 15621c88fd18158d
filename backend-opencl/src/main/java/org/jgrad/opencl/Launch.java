package org.jgrad.opencl;

import static org.lwjgl.opencl.CL10.clEnqueueNDRangeKernel;
import static org.lwjgl.opencl.CL10.clSetKernelArg;
import static org.lwjgl.opencl.CL10.clSetKernelArg1f;
import static org.lwjgl.opencl.CL10.clSetKernelArg1i;
import static org.lwjgl.opencl.CL10.clSetKernelArg1l;
import static org.lwjgl.opencl.CL10.clSetKernelArg1p;

import org.lwjgl.system.MemoryStack;

/**
 * One kernel launch being put together: arguments in order, then {@link #run1d} or {@link #run}.
 * Every launch uses a fixed work-group size (PoCL compiles a kernel again for each new one) and
 * rounds the global size up, so kernels check their index against their element count.
 */
final class Launch {
    /** Work-group size of one-dimensional launches. */
    static final int GROUP = 64;
    private final long queue;
    private final long kernel;
    private final String name;
    private int index;

    Launch(long queue, long kernel, String name) {
        this.queue = queue;
        this.kernel = kernel;
        this.name = name;
    }

    Launch i(int value) {
        return check(clSetKernelArg1i(kernel, index, value));
    }

    Launch l(long value) {
        return check(clSetKernelArg1l(kernel, index, value));
    }

    Launch f(float value) {
        return check(clSetKernelArg1f(kernel, index, value));
    }

    Launch flag(boolean value) {
        return i(value ? 1 : 0);
    }

    Launch mem(ClBuffer buffer) {
        return check(clSetKernelArg1p(kernel, index, buffer.mem()));
    }

    /** An intN vector argument (N = values.length: 8 or 16). */
    Launch vector(int[] values) {
        return check(clSetKernelArg(kernel, index, values));
    }

    /** Runs over {@code n} items in one dimension, in groups of {@link #GROUP}; does nothing when n is 0. */
    void run1d(long n) {
        if (n > 0) {
            run(new long[] {roundUp(n, GROUP)}, new long[] {GROUP});
        }
    }

    /** Runs over the global size in work-groups of the local size (one entry per dimension). */
    void run(long[] global, long[] local) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var g = stack.mallocPointer(global.length);
            var l = stack.mallocPointer(local.length);
            for (int d = 0; d < global.length; d++) {
                g.put(d, global[d]);
                l.put(d, local[d]);
            }
            ClError.check(clEnqueueNDRangeKernel(queue, kernel, global.length, null, g, l, null, null),
                    "clEnqueueNDRangeKernel(" + name + ")");
        }
    }

    static long roundUp(long n, long multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private Launch check(int code) {
        ClError.check(code, "clSetKernelArg(" + name + ", " + index + ")");
        index++;
        return this;
    }
}
