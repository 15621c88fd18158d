package org.jgrad.cpu;

import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.LstmSequence;
import org.jgrad.backend.PreparedB;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;
import org.jgrad.backend.UnaryOp;
import org.jgrad.cpu.gemm.PackedB;
import org.jgrad.cpu.gemm.Sgemm;

/**
 * The pure-Java backend. Buffers are Java arrays; each primitive is delegated to the kernel class
 * of its area, which picks the Vector API or the scalar path (see {@link VectorSupport}).
 */
public final class CpuBackend implements Backend {
    /** Large freed float arrays, recycled by {@link #allocate}. */
    private final ArrayPool pool = new ArrayPool();

    /** A CPU backend; the first one starts bringing the Vector API products to compiled code ({@code KernelWarmup}). */
    public CpuBackend() {
        VectorSupport.warmUp();
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "cpu (pure Java, " + Parallel.threads() + " threads, "
                + (VectorSupport.enabled() ? "Vector API" : "scalar") + " kernels)";
    }

    @Override
    public Buffer allocate(DType dtype, int length) {
        return new CpuBuffer(dtype, length, pool, true);
    }

    /** A recycled array keeps its old contents; a fresh one is zero as every new Java array. */
    @Override
    public Buffer allocateUninitialized(DType dtype, int length) {
        return new CpuBuffer(dtype, length, pool, false);
    }

    @Override
    public void free(Buffer buffer) {
        CpuBuffer.of(buffer).free(pool);
    }

    @Override
    public void upload(float[] src, Buffer dst) {
        float[] d = CpuBuffer.of(dst).floats();
        Strides.checkLength("upload", "host array", src.length, "buffer has", d.length);
        System.arraycopy(src, 0, d, 0, src.length);
    }

    @Override
    public void upload(int[] src, Buffer dst) {
        int[] d = CpuBuffer.of(dst).ints();
        Strides.checkLength("upload", "host array", src.length, "buffer has", d.length);
        System.arraycopy(src, 0, d, 0, src.length);
    }

    @Override
    public float[] downloadFloat(Buffer src) {
        return CpuBuffer.of(src).floats().clone();
    }

    @Override
    public int[] downloadInt(Buffer src) {
        return CpuBuffer.of(src).ints().clone();
    }

    @Override
    public void fill(Buffer dst, float value) {
        Elementwise.fill(CpuBuffer.of(dst), value);
    }

    @Override
    public void cast(Buffer src, Buffer dst) {
        Elementwise.cast(CpuBuffer.of(src), CpuBuffer.of(dst));
    }

    @Override
    public void unary(UnaryOp op, float alpha, Buffer x, Buffer out) {
        Elementwise.unary(op, alpha, CpuBuffer.of(x).floats(), CpuBuffer.of(out).floats());
    }

    @Override
    public void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out) {
        Elementwise.binary(op, shape, CpuBuffer.of(a).floats(), aStrides, CpuBuffer.of(b).floats(), bStrides,
                CpuBuffer.of(out).floats());
    }

    @Override
    public void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b, int[] bStrides,
                      Buffer out) {
        Elementwise.where(shape, CpuBuffer.of(cond).floats(), condStrides, CpuBuffer.of(a).floats(), aStrides,
                CpuBuffer.of(b).floats(), bStrides, CpuBuffer.of(out).floats());
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out) {
        Reductions.reduce(op, CpuBuffer.of(x).floats(), outer, size, inner, CpuBuffer.of(out));
    }

    @Override
    public void gemm(GemmShape shape, Buffer a, Buffer b, Buffer c) {
        Sgemm.sgemm(shape, CpuBuffer.of(a).floats(), CpuBuffer.of(b).floats(), CpuBuffer.of(c).floats());
    }

    @Override
    public void softmaxRows(int rows, int cols, Buffer x, Buffer out) {
        SoftmaxRows.forward(rows, cols, CpuBuffer.of(x).floats(), CpuBuffer.of(out).floats());
    }

    @Override
    public void softmaxRowsBackward(int rows, int cols, Buffer p, Buffer g, Buffer dx) {
        SoftmaxRows.backward(rows, cols, CpuBuffer.of(p).floats(), CpuBuffer.of(g).floats(), CpuBuffer.of(dx).floats());
    }

    /** On the Vector API path, B packed once into the micro-kernel's strips ({@link PackedB}). */
    @Override
    public PreparedB prepareGemmB(GemmShape shape, Buffer b) {
        return VectorSupport.gemmReady() ? PackedB.pack(shape, CpuBuffer.of(b).floats(), b) : Backend.super.prepareGemmB(shape, b);
    }

    @Override
    public void gemm(GemmShape shape, Buffer a, PreparedB b, Buffer c) {
        if (b instanceof PackedB packed) {
            Sgemm.sgemm(shape, CpuBuffer.of(a).floats(), packed, CpuBuffer.of(c).floats());
        } else {
            Backend.super.gemm(shape, a, b, c);
        }
    }

    @Override
    public void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset, int[] dstStrides) {
        StridedCopy.copy(shape, CpuBuffer.of(src), srcOffset, srcStrides, CpuBuffer.of(dst), dstOffset, dstStrides);
    }

    @Override
    public void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        Im2Col.im2col(g, false, padValue, CpuBuffer.of(image).floats(), CpuBuffer.of(columns).floats());
    }

    @Override
    public void im2colAcrossBatch(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        Im2Col.im2col(g, true, padValue, CpuBuffer.of(image).floats(), CpuBuffer.of(columns).floats());
    }

    @Override
    public void col2im(ConvGeometry g, Buffer columns, Buffer image) {
        Im2Col.col2im(g, false, CpuBuffer.of(columns).floats(), CpuBuffer.of(image).floats());
    }

    @Override
    public void col2imAcrossBatch(ConvGeometry g, Buffer columns, Buffer image) {
        Im2Col.col2im(g, true, CpuBuffer.of(columns).floats(), CpuBuffer.of(image).floats());
    }

    @Override
    public void conv2d(ConvGeometry g, int outChannels, int groups, Buffer image, Buffer weight, Buffer out) {
        if (!direct(g, groups)) {
            Backend.super.conv2d(g, outChannels, groups, image, weight, out);
            return;
        }
        checkConv("conv2d", g, outChannels, image, weight, "out", out);
        DirectConvolution.forward(g, outChannels, CpuBuffer.of(image).floats(), CpuBuffer.of(weight).floats(),
                CpuBuffer.of(out).floats());
    }

    @Override
    public void conv2dBackward(ConvGeometry g, int outChannels, int groups, Buffer image, Buffer weight, Buffer grad,
                               Buffer gradImage, Buffer gradWeight) {
        if (!direct(g, groups)) {
            Backend.super.conv2dBackward(g, outChannels, groups, image, weight, grad, gradImage, gradWeight);
            return;
        }
        checkConv("conv2dBackward", g, outChannels, image, weight, "grad", grad);
        if (gradImage != null && !DirectConvolutionInputGradient.applies(CpuBuffer.of(weight).floats(), weight.length())) {
            Backend.super.conv2dBackward(g, outChannels, groups, image, weight, grad, gradImage, null);
        } else if (gradImage != null) {
            checkLength("conv2dBackward", "gradImage", gradImage, g.batch() * g.channels() * g.height() * g.width());
            DirectConvolutionInputGradient.compute(g, outChannels, CpuBuffer.of(weight).floats(),
                    CpuBuffer.of(grad).floats(), CpuBuffer.of(gradImage).floats());
        }
        if (gradWeight != null) {
            checkLength("conv2dBackward", "gradWeight", gradWeight, outChannels * g.colRows());
            DirectConvolutionWeightGradient.compute(g, outChannels, CpuBuffer.of(image).floats(),
                    CpuBuffer.of(grad).floats(), CpuBuffer.of(gradWeight).floats());
        }
    }

    /**
     * Whether the direct convolution kernels take this one: the Vector API path, its kernels
     * compiled, stride 1, dilation 1, one group. They compute the composed default's bits, so the
     * scalar path (the default) and the vector path agree.
     */
    private static boolean direct(ConvGeometry g, int groups) {
        return VectorSupport.convolutionReady() && groups == 1 && g.strideH() == 1 && g.strideW() == 1
                && g.dilationH() == 1 && g.dilationW() == 1;
    }

    private static void checkConv(String op, ConvGeometry g, int outChannels, Buffer image, Buffer weight,
                                  String outName, Buffer out) {
        checkLength(op, "image", image, g.batch() * g.channels() * g.height() * g.width());
        checkLength(op, "weight", weight, outChannels * g.colRows());
        checkLength(op, outName, out, g.batch() * outChannels * g.colCols());
    }

    private static void checkLength(String op, String name, Buffer buffer, int needed) {
        if (buffer.length() < needed) {
            throw new IllegalArgumentException(op + ": " + name + " buffer has " + buffer.length()
                    + " elements, the geometry needs " + needed);
        }
    }

    @Override
    public void maxPool2d(ConvGeometry g, Buffer image, Buffer out, Buffer argmax) {
        MaxPool.forward(g, CpuBuffer.of(image).floats(), CpuBuffer.of(out).floats(), CpuBuffer.of(argmax).ints());
    }

    @Override
    public void maxPool2dBackward(ConvGeometry g, Buffer grad, Buffer argmax, Buffer gradImage) {
        MaxPool.backward(g, CpuBuffer.of(grad).floats(), CpuBuffer.of(argmax).ints(), CpuBuffer.of(gradImage).floats());
    }

    @Override
    public void reluBackward(Buffer x, Buffer grad, Buffer out) {
        Elementwise.reluBackward(CpuBuffer.of(x).floats(), CpuBuffer.of(grad).floats(), CpuBuffer.of(out).floats());
    }

    @Override
    public void batchNormForward(int batch, int channels, int spatial, float eps, Buffer x, Buffer weight, Buffer bias,
                                 Buffer centered, Buffer out, Buffer mean, Buffer variance, Buffer invStd, Buffer scale) {
        FusedBatchNorm.forward(batch, channels, spatial, eps, x, weight, bias, centered, out, mean, variance, invStd, scale);
    }

    @Override
    public void batchNormBackward(int batch, int channels, int spatial, Buffer grad, Buffer centered, Buffer invStd,
                                  Buffer scale, Buffer gradInput, Buffer gradWeight, Buffer gradBias) {
        FusedBatchNorm.backward(batch, channels, spatial, grad, centered, invStd, scale, gradInput, gradWeight, gradBias);
    }

    @Override
    public void lstmSequenceForward(LstmSequence seq, Buffer gates, Buffer weightHh, Buffer states) {
        if (LstmSequenceRows.FUSED) {
            LstmSequenceRows.forward(seq, gates, weightHh, states);
        } else {
            Backend.super.lstmSequenceForward(seq, gates, weightHh, states);
        }
    }

    @Override
    public void lstmSequenceBackward(LstmSequence seq, Buffer gates, Buffer weightHh, Buffer states, Buffer dStates,
                                     Buffer dGates, Buffer dInitial) {
        if (LstmSequenceRows.FUSED) {
            LstmSequenceRows.backward(seq, gates, weightHh, states, dStates, dGates, dInitial);
        } else {
            Backend.super.lstmSequenceBackward(seq, gates, weightHh, states, dStates, dGates, dInitial);
        }
    }

    @Override
    public void gather(Buffer src, int outer, int srcSize, int inner, Buffer index, int indexSize, Buffer out) {
        Indexing.gather(CpuBuffer.of(src).floats(), outer, srcSize, inner, CpuBuffer.of(index).ints(), indexSize,
                CpuBuffer.of(out).floats());
    }

    @Override
    public void scatterAdd(Buffer src, int outer, int indexSize, int inner, Buffer index, int outSize, Buffer out) {
        Indexing.scatterAdd(CpuBuffer.of(src).floats(), outer, indexSize, inner, CpuBuffer.of(index).ints(), outSize,
                CpuBuffer.of(out).floats());
    }

    @Override
    public void random(Distribution dist, long seed, long offset, float a, float b, Buffer out) {
        RandomFill.fill(dist, seed, offset, a, b, CpuBuffer.of(out).floats());
    }

    @Override
    public void sgdStep(SgdConfig config, boolean firstStep, Buffer param, Buffer grad, Buffer momentumBuffer) {
        OptimizerUpdates.sgd(config, firstStep, CpuBuffer.of(param).floats(), CpuBuffer.of(grad).floats(),
                momentumBuffer == null ? null : CpuBuffer.of(momentumBuffer).floats());
    }

    @Override
    public void adamStep(AdamConfig config, int step, Buffer param, Buffer grad, Buffer expAvg, Buffer expAvgSq,
                         Buffer maxExpAvgSq) {
        OptimizerUpdates.adam(config, step, CpuBuffer.of(param).floats(), CpuBuffer.of(grad).floats(),
                CpuBuffer.of(expAvg).floats(), CpuBuffer.of(expAvgSq).floats(),
                maxExpAvgSq == null ? null : CpuBuffer.of(maxExpAvgSq).floats());
    }

    @Override
    public void rmspropStep(RmspropConfig config, Buffer param, Buffer grad, Buffer squareAvg, Buffer momentumBuffer,
                            Buffer gradAvg) {
        RmspropUpdate.step(config, CpuBuffer.of(param).floats(), CpuBuffer.of(grad).floats(), CpuBuffer.of(squareAvg).floats(),
                momentumBuffer == null ? null : CpuBuffer.of(momentumBuffer).floats(),
                gradAvg == null ? null : CpuBuffer.of(gradAvg).floats());
    }

    @Override
    public void adagradStep(AdagradConfig config, int step, Buffer param, Buffer grad, Buffer sum) {
        AdagradUpdate.step(config, step, CpuBuffer.of(param).floats(), CpuBuffer.of(grad).floats(), CpuBuffer.of(sum).floats());
    }

    @Override
    public void close() {
        // Heap buffers belong to the garbage collector; there is nothing else to release.
    }

    @Override
    public String toString() {
        return description();
    }
}
