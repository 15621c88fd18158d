package org.jgrad.cuda;

import static org.jgrad.cuda.CudaCalls.check;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.JCudaDriver;

/**
 * One GPU: its primary context (the one the CUDA runtime, and so cuBLAS, also uses) and the one
 * non-blocking stream all of this backend's work is queued on. Driver calls need the context
 * current on the calling thread; {@link #makeCurrent} does that once per thread.
 */
final class CudaDevice implements AutoCloseable {
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUstream stream = new CUstream();
    private final String name;
    private final long totalBytes;
    private final ThreadLocal<Boolean> current = ThreadLocal.withInitial(() -> false);

    CudaDevice(int ordinal) {
        check(JCudaDriver.cuDeviceGet(device, ordinal), "cuDeviceGet(" + ordinal + ")");
        check(JCudaDriver.cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain");
        makeCurrent();
        check(JCudaDriver.cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate");
        byte[] chars = new byte[256];
        check(JCudaDriver.cuDeviceGetName(chars, chars.length, device), "cuDeviceGetName");
        int end = 0;
        while (end < chars.length && chars[end] != 0) {
            end++;
        }
        name = new String(chars, 0, end, StandardCharsets.US_ASCII);
        long[] total = new long[1];
        check(JCudaDriver.cuDeviceTotalMem(total, device), "cuDeviceTotalMem");
        totalBytes = total[0];
    }

    /** Makes the context current on the calling thread (a no-op after the first time on a thread). */
    void makeCurrent() {
        if (!current.get()) {
            check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
            current.set(true);
        }
    }

    CUstream stream() {
        return stream;
    }

    String name() {
        return name;
    }

    long totalBytes() {
        return totalBytes;
    }

    /** Free device memory in bytes, as the driver reports it. */
    long freeBytes() {
        long[] free = new long[1];
        long[] total = new long[1];
        check(JCudaDriver.cuMemGetInfo(free, total), "cuMemGetInfo");
        return free[0];
    }

    /** Waits for everything queued on the stream: the one synchronisation point. */
    void synchronize() {
        check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
    }

    @Override
    public void close() {
        makeCurrent();
        check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
        check(JCudaDriver.cuStreamDestroy(stream), "cuStreamDestroy");
        check(JCudaDriver.cuDevicePrimaryCtxRelease(device), "cuDevicePrimaryCtxRelease");
    }
}
