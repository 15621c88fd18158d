package org.jgrad.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.driver.CUdeviceptr;
import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.Extents;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;
import org.jgrad.backend.UnaryOp;

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
        optimizers = new Optimizers(kernels);
        indexing = new Indexing(kernels, transfers, (CudaBuffer) allocate(DType.INT32, 1));
    }

    /** Loads the kernels and cuBLAS on a started device; gives the device back if that fails. */
    private static Parts start(CudaDevice device) {
        try {
            Kernels kernels = new Kernels(device);
            return new Parts(device.name() + ", " + device.totalBytes() / (1 << 20) + " MiB",
                    new CachingAllocator<>(new DriverMemory(device)), kernels, new DriverTransfers(device),
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

    /** Device bytes held by live buffers (for memory-flatness checks). */
    public long usedBytes() {
        return allocator.usedBytes();
    }

    /** Device bytes in freed blocks kept for reuse. */
    public long cachedBytes() {
        return allocator.cachedBytes();
    }

    @Override
    public Buffer allocate(DType dtype, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("allocate: negative length " + length);
        }
        CudaBuffer buffer = new CudaBuffer(dtype, length, allocator.allocate((long) length * dtype.bytes()));
        fillBits(buffer, 0);
        return buffer;
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
        CudaBuffer d = CudaBuffer.of(dst, null, "fill", "dst");
        fillBits(d, d.dtype() == DType.FLOAT32 ? Float.floatToRawIntBits(value) : (int) value);
    }

    private void fillBits(CudaBuffer dst, int bits) {
        kernels.launch1d("fill_u32", dst.length(), dst.pointer(), bits, dst.length());
    }

    @Override
    public void cast(Buffer src, Buffer dst) {
        CudaBuffer s = CudaBuffer.of(src, null, "cast", "src");
        CudaBuffer d = CudaBuffer.of(dst, null, "cast", "dst");
        Checks.length("cast", "dst", d.length(), s.length());
        int n = s.length();
        if (s.dtype() == d.dtype()) {
            copy(new int[] {n}, s, 0, new int[] {1}, d, 0, new int[] {1});
        } else {
            kernels.launch1d(s.dtype() == DType.FLOAT32 ? "cast_f32_i32" : "cast_i32_f32", n, s.pointer(), d.pointer(), n);
        }
    }

    @Override
    public void unary(UnaryOp op, float alpha, Buffer x, Buffer out) {
        String name = "unary " + op;
        CudaBuffer in = CudaBuffer.of(x, DType.FLOAT32, name, "x");
        CudaBuffer o = CudaBuffer.of(out, DType.FLOAT32, name, "out");
        Checks.length(name, "out", o.length(), in.length());
        kernels.launch1d("unary_f32", in.length(), op.ordinal(), alpha, in.pointer(), o.pointer(), in.length());
    }

    @Override
    public void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out) {
        String name = "binary " + op;
        CudaBuffer ca = CudaBuffer.of(a, DType.FLOAT32, name, "a");
        CudaBuffer cb = CudaBuffer.of(b, DType.FLOAT32, name, "b");
        CudaBuffer o = contiguousOut(name, shape, out);
        Extents.checkOperand(name, "a", shape, 0, aStrides, ca.length());
        Extents.checkOperand(name, "b", shape, 0, bStrides, cb.length());
        byte[] layout = StridedLayout.pack(name, shape, new int[][] {aStrides, bStrides}, new int[] {0, 0});
        kernels.launch1d("binary_f32", o.length(), op.ordinal(), layout, ca.pointer(), cb.pointer(), o.pointer(), o.length());
    }

    @Override
    public void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b, int[] bStrides,
                      Buffer out) {
        CudaBuffer cc = CudaBuffer.of(cond, DType.FLOAT32, "where", "cond");
        CudaBuffer ca = CudaBuffer.of(a, DType.FLOAT32, "where", "a");
        CudaBuffer cb = CudaBuffer.of(b, DType.FLOAT32, "where", "b");
        CudaBuffer o = contiguousOut("where", shape, out);
        Extents.checkOperand("where", "cond", shape, 0, condStrides, cc.length());
        Extents.checkOperand("where", "a", shape, 0, aStrides, ca.length());
        Extents.checkOperand("where", "b", shape, 0, bStrides, cb.length());
        byte[] layout = StridedLayout.pack("where", shape, new int[][] {condStrides, aStrides, bStrides}, new int[3]);
        kernels.launch1d("where_f32", o.length(), layout, cc.pointer(), ca.pointer(), cb.pointer(), o.pointer(), o.length());
    }

    private static CudaBuffer contiguousOut(String op, int[] shape, Buffer out) {
        CudaBuffer o = CudaBuffer.of(out, DType.FLOAT32, op, "out");
        Checks.length(op, "out", o.length(), Extents.elementCount(op, shape));
        return o;
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out) {
        String name = "reduce " + op;
        CudaBuffer in = CudaBuffer.of(x, DType.FLOAT32, name, "x");
        CudaBuffer o = CudaBuffer.of(out, op.writesIndices() ? DType.INT32 : DType.FLOAT32, name, "out");
        if (outer < 0 || size < 1 || inner < 0) {
            throw new IllegalArgumentException(name + ": (outer, size, inner) = (" + outer + ", " + size + ", " + inner
                    + "); expected outer >= 0, size >= 1, inner >= 0");
        }
        Checks.length(name, "x", in.length(), (long) outer * size * inner);
        Checks.length(name, "out", o.length(), (long) outer * inner);
        if (inner == 1 && outer > 0) {
            kernels.launch("reduce_rows", Math.min(outer, LaunchGeometry.MAX_GRID_YZ), 1, 1, LaunchGeometry.THREADS, 1,
                    op.ordinal(), in.pointer(), outer, size, o.pointer());
        } else {
            kernels.launch1d("reduce_columns", (long) outer * inner, op.ordinal(), in.pointer(), outer, size, inner,
                    o.pointer());
        }
    }

    @Override
    public void gemm(GemmShape shape, Buffer a, Buffer b, Buffer c) {
        gemm.gemm(shape, CudaBuffer.of(a, DType.FLOAT32, "gemm", "a"), CudaBuffer.of(b, DType.FLOAT32, "gemm", "b"),
                CudaBuffer.of(c, DType.FLOAT32, "gemm", "c"));
    }

    @Override
    public void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset, int[] dstStrides) {
        CudaBuffer s = CudaBuffer.of(src, null, "copy", "src");
        CudaBuffer d = CudaBuffer.of(dst, null, "copy", "dst");
        if (s.dtype() != d.dtype()) {
            throw new IllegalArgumentException("copy: src is " + s.dtype() + " but dst is " + d.dtype()
                    + "; both must have the same dtype");
        }
        int n = Extents.elementCount("copy", shape);
        Extents.checkOperand("copy", "src", shape, srcOffset, srcStrides, s.length());
        Extents.checkOperand("copy", "dst", shape, dstOffset, dstStrides, d.length());
        byte[] layout = StridedLayout.pack("copy", shape, new int[][] {srcStrides, dstStrides},
                new int[] {srcOffset, dstOffset});
        kernels.launch1d("copy_u32", n, layout, s.pointer(), d.pointer(), n);
    }

    @Override
    public void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        CudaBuffer img = convOperand("im2col", g, image, columns, true);
        CudaBuffer cols = convOperand("im2col", g, image, columns, false);
        kernels.launch1d("im2col_f32", (long) g.batch() * g.colRows() * g.colCols(), convArgs(g), padValue,
                img.pointer(), cols.pointer());
    }

    @Override
    public void col2im(ConvGeometry g, Buffer columns, Buffer image) {
        CudaBuffer img = convOperand("col2im", g, image, columns, true);
        CudaBuffer cols = convOperand("col2im", g, image, columns, false);
        kernels.launch1d("col2im_f32", (long) g.batch() * g.channels() * g.height() * g.width(), convArgs(g),
                cols.pointer(), img.pointer());
    }

    /** The image (or columns) buffer, checked to hold what the geometry addresses. */
    private static CudaBuffer convOperand(String op, ConvGeometry g, Buffer image, Buffer columns, boolean wantImage) {
        CudaBuffer img = CudaBuffer.of(image, DType.FLOAT32, op, "image");
        CudaBuffer cols = CudaBuffer.of(columns, DType.FLOAT32, op, "columns");
        Checks.atLeast(op, "image", img.length(), (long) g.batch() * g.channels() * g.height() * g.width(), g.toString());
        Checks.atLeast(op, "columns", cols.length(), (long) g.batch() * g.colRows() * g.colCols(), g.toString());
        return wantImage ? img : cols;
    }

    /** conv.cu's struct ConvArgs. */
    private static byte[] convArgs(ConvGeometry g) {
        return ByteBuffer.allocate(14 * 4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(g.batch()).putInt(g.channels()).putInt(g.height()).putInt(g.width())
                .putInt(g.kernelH()).putInt(g.kernelW()).putInt(g.strideH()).putInt(g.strideW())
                .putInt(g.padH()).putInt(g.padW()).putInt(g.dilationH()).putInt(g.dilationW())
                .putInt(g.outH()).putInt(g.outW()).array();
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
