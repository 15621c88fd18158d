package org.jgrad.cuda;

import jcuda.driver.CUdeviceptr;
import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;
import org.jgrad.backend.UnaryOp;
import org.jgrad.backend.device.CachingAllocator;
import org.jgrad.backend.device.MemoryStats;

/**
 * The CUDA backend on one GPU: the PTX kernels of jgrad-kernels and cuBLAS, all queued on one
 * stream; only downloads (and the index check of gather/scatter-add) wait for the GPU. Memory
 * comes from a {@link CachingAllocator}. Written against the CUDA driver API through JCuda.
 */
public final class CudaBackend implements Backend {
    private final String device;
    private final CachingAllocator<CUdeviceptr> allocator;
    private final Launcher kernels;
    private final Transfers transfers;
    private final CudaGemm gemm;
    private final Runnable releaseDevice;
    private final Elementwise elementwise;
    private final Reductions reductions;
    private final Convolution convolution;
    private final Optimizers optimizers;
    private final Indexing indexing;

    /**
     * What the backend runs on: the driver's parts on a GPU, recorders in tests.
     *
     * @param device the device's name and memory, for {@link #description()}
     * @param releaseDevice run last by {@link #close()}
     */
    record Parts(String device, CachingAllocator<CUdeviceptr> allocator, Launcher kernels, Transfers transfers,
                 CudaGemm gemm, Runnable releaseDevice) {
    }

    CudaBackend(int ordinal) {
        this(start(new CudaDevice(ordinal)));
    }

    CudaBackend(Parts parts) {
        device = parts.device();
        allocator = parts.allocator();
        kernels = parts.kernels();
        transfers = parts.transfers();
        gemm = parts.gemm();
        releaseDevice = parts.releaseDevice();
        elementwise = new Elementwise(kernels);
        reductions = new Reductions(kernels);
        convolution = new Convolution(kernels);
        optimizers = new Optimizers(kernels);
        indexing = new Indexing(kernels, transfers, (CudaBuffer) allocate(DType.INT32, 1));
    }

    /** Loads the kernels and cuBLAS on a started device; gives the device back if that fails. */
    private static Parts start(CudaDevice device) {
        try {
            Kernels kernels = new Kernels(device);
            return new Parts(device.name() + ", " + device.totalBytes() / (1 << 20) + " MiB",
                    new CachingAllocator<>("cuda", new DriverMemory(device)), kernels, new DriverTransfers(device),
                    CudaGemm.start(device, kernels), device::close);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String description() {
        return "cuda (" + device + ", GEMM by " + gemm.engine() + ")";
    }

    /** Live and cached device memory, for memory-flatness checks and diagnostics. */
    public MemoryStats memoryStats() {
        return allocator.stats();
    }

    @Override
    public Buffer allocate(DType dtype, int length) {
        CudaBuffer buffer = allocateUninitialized(dtype, length);
        elementwise.fillBits(buffer, 0);
        return buffer;
    }

    /** A recycled block, not zeroed: every op output is written in full before it is read. */
    @Override
    public CudaBuffer allocateUninitialized(DType dtype, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("allocate: negative length " + length);
        }
        return new CudaBuffer(dtype, length, allocator.allocate((long) length * dtype.bytes()));
    }

    @Override
    public void free(Buffer buffer) {
        CudaBuffer b = CudaBuffer.of(buffer, null, "free", "buffer");
        allocator.free(b.release(), b.bytes());
    }

    @Override
    public void upload(float[] src, Buffer dst) {
        transfers.upload(src, CudaBuffer.of(dst, DType.FLOAT32, "upload", "dst"));
    }

    @Override
    public void upload(int[] src, Buffer dst) {
        transfers.upload(src, CudaBuffer.of(dst, DType.INT32, "upload", "dst"));
    }

    @Override
    public float[] downloadFloat(Buffer src) {
        return transfers.downloadFloat(CudaBuffer.of(src, DType.FLOAT32, "downloadFloat", "src"));
    }

    @Override
    public int[] downloadInt(Buffer src) {
        return transfers.downloadInt(CudaBuffer.of(src, DType.INT32, "downloadInt", "src"));
    }

    @Override
    public void fill(Buffer dst, float value) {
        elementwise.fill(dst, value);
    }

    @Override
    public void cast(Buffer src, Buffer dst) {
        elementwise.cast(src, dst);
    }

    @Override
    public void unary(UnaryOp op, float alpha, Buffer x, Buffer out) {
        elementwise.unary(op, alpha, x, out);
    }

    @Override
    public void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out) {
        elementwise.binary(op, shape, a, aStrides, b, bStrides, out);
    }

    @Override
    public void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b, int[] bStrides,
                      Buffer out) {
        elementwise.where(shape, cond, condStrides, a, aStrides, b, bStrides, out);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out) {
        reductions.reduce(op, x, outer, size, inner, out);
    }

    @Override
    public void gemm(GemmShape shape, Buffer a, Buffer b, Buffer c) {
        gemm.gemm(shape, CudaBuffer.of(a, DType.FLOAT32, "gemm", "a"), CudaBuffer.of(b, DType.FLOAT32, "gemm", "b"),
                CudaBuffer.of(c, DType.FLOAT32, "gemm", "c"));
    }

    @Override
    public void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset, int[] dstStrides) {
        elementwise.copy(shape, src, srcOffset, srcStrides, dst, dstOffset, dstStrides);
    }

    @Override
    public void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        convolution.im2col(g, padValue, image, columns);
    }

    @Override
    public void col2im(ConvGeometry g, Buffer columns, Buffer image) {
        convolution.col2im(g, columns, image);
    }

    @Override
    public void gather(Buffer src, int outer, int srcSize, int inner, Buffer index, int indexSize, Buffer out) {
        indexing.gather(src, outer, srcSize, inner, index, indexSize, out);
    }

    @Override
    public void scatterAdd(Buffer src, int outer, int indexSize, int inner, Buffer index, int outSize, Buffer out) {
        indexing.scatterAdd(src, outer, indexSize, inner, index, outSize, out);
    }

    @Override
    public void random(Distribution dist, long seed, long offset, float a, float b, Buffer out) {
        CudaBuffer o = CudaBuffer.of(out, DType.FLOAT32, "random", "out");
        kernels.launch1d(dist == Distribution.UNIFORM ? "random_uniform" : "random_normal", o.length(), seed, offset, a, b,
                o.pointer(), o.length());
    }

    @Override
    public void sgdStep(SgdConfig config, boolean firstStep, Buffer param, Buffer grad, Buffer momentumBuffer) {
        optimizers.sgd(config, firstStep, param, grad, momentumBuffer);
    }

    @Override
    public void adamStep(AdamConfig config, int step, Buffer param, Buffer grad, Buffer expAvg, Buffer expAvgSq,
                         Buffer maxExpAvgSq) {
        optimizers.adam(config, step, param, grad, expAvg, expAvgSq, maxExpAvgSq);
    }

    @Override
    public void rmspropStep(RmspropConfig config, Buffer param, Buffer grad, Buffer squareAvg, Buffer momentumBuffer,
                            Buffer gradAvg) {
        optimizers.rmsprop(config, param, grad, squareAvg, momentumBuffer, gradAvg);
    }

    @Override
    public void adagradStep(AdagradConfig config, int step, Buffer param, Buffer grad, Buffer sum) {
        optimizers.adagrad(config, step, param, grad, sum);
    }

    /** Waits for queued work, then gives back cuBLAS, the modules, all cached memory and the device. */
    @Override
    public void close() {
        transfers.synchronize();
        gemm.close();
        kernels.close();
        allocator.releaseCache();
        releaseDevice.run();
    }

    @Override
    public String toString() {
        return description();
    }
}
