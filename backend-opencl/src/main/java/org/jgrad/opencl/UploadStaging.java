package org.jgrad.opencl;

import static org.lwjgl.opencl.CL10.CL_COMPLETE;
import static org.lwjgl.opencl.CL10.CL_EVENT_COMMAND_EXECUTION_STATUS;
import static org.lwjgl.opencl.CL10.clGetEventInfo;
import static org.lwjgl.opencl.CL10.clReleaseEvent;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Host copies of uploads in flight. An upload copies the array into native memory and queues a
 * non-blocking write from there, so it returns at once; the native copy must live until the write
 * has run. Copies whose write event reports completion are freed on later uploads, and all of
 * them once the queue has drained (after a download, or at close).
 */
final class UploadStaging {
    private record Pending(long event, ByteBuffer host) {
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    /** Native memory for an upload of {@code bytes}; hand it back with {@link #inFlight}. */
    ByteBuffer allocate(int bytes) {
        freeCompleted();
        return MemoryUtil.memAlloc(Math.max(1, bytes));
    }

    /** Keeps {@code host} until {@code event} (the write reading it) completes. */
    void inFlight(long event, ByteBuffer host) {
        pending.add(new Pending(event, host));
    }

    /** Frees every copy whose write has completed; stops at the first still running (the queue is in order). */
    void freeCompleted() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var status = stack.mallocInt(1);
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                ClError.check(clGetEventInfo(p.event(), CL_EVENT_COMMAND_EXECUTION_STATUS, status, null),
                        "clGetEventInfo");
                if (status.get(0) != CL_COMPLETE) {
                    if (status.get(0) < 0) {
                        ClError.check(status.get(0), "upload (clEnqueueWriteBuffer)");
                    }
                    return;
                }
                release(p);
                it.remove();
            }
        }
    }

    /** Frees every copy; only once the queue has finished. */
    void freeAllAfterFinish() {
        for (Pending p : pending) {
            release(p);
        }
        pending.clear();
    }

    private static void release(Pending p) {
        ClError.check(clReleaseEvent(p.event()), "clReleaseEvent");
        MemoryUtil.memFree(p.host());
    }
}
