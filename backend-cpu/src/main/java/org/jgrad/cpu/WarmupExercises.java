package org.jgrad.cpu;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.PreparedB;

/**
 * The calls {@link KernelWarmup} brings to compiled code: products along each path of the blocked
 * GEMM (one block of A and several, m above 96, whose last strip of 4 rows takes the 4-row tile
 * where the 8-row one is used; C overwritten and added to, as every panel of k after the first is;
 * an odd k; each operand transposed; B packed ahead, as the LSTM does), the direct convolution
 * forward and backward, on rows that fit one vector and on wider ones, and a Philox uniform fill. Each is kept small, because it runs in the slow fallback until it is
 * compiled, and below the kernels' thread grains, so it runs on the warm-up thread alone.
 */
final class WarmupExercises {
    /**
     * Ten times the slowest compiled product: compiled, the products ran at 0.02-0.06 ns a flop on
     * the 2-core test machine, their first calls (the Vector API's Java fallback) at 26-1,700
     * (docs/PERFORMANCE.md, <i>The first epoch</i>).
     */
    private static final double NANOS_PER_FLOP = 0.5;
    /** About five times the compiled vector fill (1.5-1.8 ns a uniform); the fallback takes 70 and more. */
    private static final double NANOS_PER_UNIFORM = 8;
    private final CpuBackend backend = new CpuBackend();
    private final List<WarmupExercise> list = new ArrayList<>();

    private WarmupExercises() {
    }

    /** The exercises of {@code family}, on buffers of their own. */
    static List<WarmupExercise> of(KernelFamily family) {
        WarmupExercises e = new WarmupExercises();
        switch (family) {
            case GEMM -> e.products();
            case CONVOLUTION -> e.convolution();
            case RANDOM -> e.random();
        }
        return e.list;
    }

    private void products() {
        product("gemm 8x32x64", GemmShape.dense(1, 8, 32, 64, false, false));
        product("gemm 8x32x63, adding to C", adding(GemmShape.dense(1, 8, 32, 63, false, false)));
        product("gemm 8x32x64, B transposed", GemmShape.dense(1, 8, 32, 64, false, true));
        product("gemm 8x32x64, A transposed", GemmShape.dense(1, 8, 32, 64, true, false));
        product("gemm 100x32x4", GemmShape.dense(1, 100, 32, 4, false, false));
        GemmShape shape = GemmShape.dense(1, 8, 32, 64, false, false);
        Buffer a = filled(shape.m() * shape.k());
        Buffer b = filled(shape.k() * shape.n());
        Buffer c = backend.allocate(DType.FLOAT32, shape.m() * shape.n());
        add(KernelFamily.GEMM, "gemm 8x32x64, B packed", flops(shape), () -> {
            try (PreparedB packed = backend.prepareGemmB(shape, b)) {
                backend.gemm(shape, a, packed, c);
            }
        });
    }

    private void product(String name, GemmShape shape) {
        Buffer a = filled(shape.m() * shape.k());
        Buffer b = filled(shape.k() * shape.n());
        Buffer c = backend.allocate(DType.FLOAT32, shape.m() * shape.n());
        add(KernelFamily.GEMM, name, flops(shape), () -> backend.gemm(shape, a, b, c));
    }

    /** C = A B + C: the micro-kernel's path for every panel of k after the first. */
    private static GemmShape adding(GemmShape s) {
        return new GemmShape(s.batch(), s.m(), s.n(), s.k(), s.transA(), s.transB(), s.alpha(), 1f,
                s.offsetA(), s.lda(), s.strideA(), s.offsetB(), s.ldb(), s.strideB(), s.offsetC(), s.ldc(), s.strideC());
    }

    private static long flops(GemmShape shape) {
        return 2L * shape.m() * shape.n() * shape.k();
    }

    private void convolution() {
        convolution("conv2d 3x3", new ConvGeometry(1, 2, 8, 8, 3, 3, 1, 1, 1, 1, 1, 1));
        convolution("conv2d 3x3, wide rows", new ConvGeometry(1, 1, 4, 40, 3, 3, 1, 1, 1, 1, 1, 1));
    }

    private void convolution(String name, ConvGeometry g) {
        int outChannels = 4;
        Buffer image = filled(g.batch() * g.channels() * g.height() * g.width());
        Buffer weight = filled(outChannels * g.colRows());
        Buffer out = backend.allocate(DType.FLOAT32, g.batch() * outChannels * g.colCols());
        Buffer gradImage = backend.allocate(DType.FLOAT32, image.length());
        Buffer gradWeight = backend.allocate(DType.FLOAT32, weight.length());
        long flops = 2L * g.batch() * outChannels * g.colCols() * g.colRows();
        add(KernelFamily.CONVOLUTION, name, flops, () -> backend.conv2d(g, outChannels, 1, image, weight, out));
        add(KernelFamily.CONVOLUTION, name + " backward", 2 * flops,
                () -> backend.conv2dBackward(g, outChannels, 1, image, weight, out, gradImage, gradWeight));
    }

    /**
     * A uniform fill, 4 uniforms a Philox block: compiled, the vector fill took 1.5-1.8 ns a uniform
     * on the Zen 5 test machine (scalar 4.4); in the fallback 70-40,000.
     */
    private void random() {
        int length = 1024;
        Buffer out = backend.allocate(DType.FLOAT32, length);
        list.add(new WarmupExercise(KernelFamily.RANDOM, "uniform fill of " + length, length * NANOS_PER_UNIFORM,
                () -> backend.random(Distribution.UNIFORM, 1, 0, -1f, 1f, out)));
    }

    private void add(KernelFamily family, String name, long flops, Runnable call) {
        list.add(new WarmupExercise(family, name, flops * NANOS_PER_FLOP, call));
    }

    /** Finite values in [-0.78, 0.78] (the direct input gradient takes only finite weights). */
    private Buffer filled(int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = ((i * 37) % 101 - 50) / 64f;
        }
        Buffer buffer = backend.allocate(DType.FLOAT32, length);
        backend.upload(values, buffer);
        return buffer;
    }
}
