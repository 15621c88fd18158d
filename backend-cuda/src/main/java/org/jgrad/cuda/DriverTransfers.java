package org.jgrad.cuda;

import static org.jgrad.cuda.CudaCalls.check;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/**
 * Host-device copies. Uploads are queued on the stream from a direct staging buffer: for pageable
 * host memory cuMemcpyHtoDAsync returns once the data is staged, so the staging buffer (and the
 * caller's array) may be reused at once and nothing waits for the GPU. Downloads wait for the
 * stream, then copy: the one place this backend synchronises.
 */
final class DriverTransfers implements Transfers {
    private final CudaDevice device;
    private ByteBuffer staging = ByteBuffer.allocateDirect(0);

    DriverTransfers(CudaDevice device) {
        this.device = device;
    }

    @Override
    public synchronized void upload(float[] src, CudaBuffer dst) {
        staging("upload", src.length, dst).asFloatBuffer().put(src);
        queueUpload(dst);
    }

    @Override
    public synchronized void upload(int[] src, CudaBuffer dst) {
        staging("upload", src.length, dst).asIntBuffer().put(src);
        queueUpload(dst);
    }

    @Override
    public float[] downloadFloat(CudaBuffer src) {
        float[] out = new float[src.length()];
        download(Pointer.to(out), src.pointer(), src.bytes());
        return out;
    }

    @Override
    public int[] downloadInt(CudaBuffer src) {
        int[] out = new int[src.length()];
        download(Pointer.to(out), src.pointer(), src.bytes());
        return out;
    }

    @Override
    public int readInt(CudaBuffer src, int index) {
        int[] out = new int[1];
        download(Pointer.to(out), src.pointer().withByteOffset(4L * index), 4);
        return out[0];
    }

    @Override
    public void synchronize() {
        device.makeCurrent();
        device.synchronize();
    }

    private void download(Pointer host, CUdeviceptr from, long bytes) {
        synchronize();
        if (bytes > 0) {
            check(JCudaDriver.cuMemcpyDtoH(host, from, bytes), "cuMemcpyDtoH(" + bytes + " bytes)");
        }
    }

    /** Queues the copy of the staged data into {@code dst}. */
    private void queueUpload(CudaBuffer dst) {
        if (dst.bytes() > 0) {
            device.makeCurrent();
            check(JCudaDriver.cuMemcpyHtoDAsync(dst.pointer(), Pointer.to(staging), dst.bytes(), device.stream()),
                    "cuMemcpyHtoDAsync(" + dst.bytes() + " bytes)");
        }
    }

    /** The staging buffer for {@code length} elements into {@code dst} (checked), positioned at 0. */
    private ByteBuffer staging(String op, int length, CudaBuffer dst) {
        Checks.length(op, "host array", length, dst.length());
        if (staging.capacity() < dst.bytes()) {
            staging = ByteBuffer.allocateDirect(Math.toIntExact(dst.bytes())).order(ByteOrder.nativeOrder());
        }
        staging.clear();
        return staging;
    }
}
