package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.Philox;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;
import org.jgrad.backend.UnaryOp;
import org.jgrad.backend.device.StridedDims;
import org.jgrad.cpu.CpuBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CUDA kernels' source, run on the host ({@link HostEmulation}), against the CPU backend and
 * the float64 references: Philox bit for bit, special values, index arithmetic, the optimizer
 * updates' rounding. It checks the kernels' logic without a GPU; it does not check the GPU's own
 * math library or anything about the device (the CUDA conformance suite does, on a GPU).
 */
class HostEmulationTest {
    private static final float[] SPECIALS = {0f, -0f, 1f, -1f, 0.5f, -2.5f, 3f, 1e-30f, 1e30f, -1e30f, 88f, -104f,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 3e9f, -3e9f};
    private final Backend cpu = new CpuBackend();

    @BeforeEach
    void needsGxx() {
        String reason = HostEmulation.unavailableReason();
        assumeTrue(reason == null, () -> "skipped: " + reason);
    }

    private static float[] random(int n, long seed, double lo, double hi) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble(lo, hi);
        }
        return values;
    }

    private float[] onCpu(float[] values, java.util.function.Consumer<Buffer> op) {
        Buffer buffer = cpu.allocate(DType.FLOAT32, values.length);
        cpu.upload(values, buffer);
        op.accept(buffer);
        return cpu.downloadFloat(buffer);
    }

    private Buffer upload(float[] values) {
        Buffer buffer = cpu.allocate(DType.FLOAT32, values.length);
        cpu.upload(values, buffer);
        return buffer;
    }

    @Test
    void uniformFillIsPhiloxBitForBit() {
        for (long seed : new long[] {0, 42, -7_123_456_789_012L}) {
            float[] got = HostEmulation.of("random").ints(0, seed, 3).floats(-2f, 5f).ints(37).runFloats();
            for (int i = 0; i < got.length; i++) {
                assertEquals(Philox.sample(Distribution.UNIFORM, seed, 3 + i, -2f, 5f), got[i], 0f, "element " + i);
            }
        }
    }

    @Test
    void normalFillIsPhiloxWithinUlps() {
        float[] got = HostEmulation.of("random").ints(1, 99, 5).floats(1f, 0.5f).ints(41).runFloats();
        for (int i = 0; i < got.length; i++) {
            float expected = Philox.sample(Distribution.NORMAL, 99, 5 + i, 1f, 0.5f);
            assertEquals(expected, got[i], 4 * Math.ulp(expected), "element " + i);
        }
    }

    @Test
    void unaryMatchesTheFloat64ReferenceOnRandomAndSpecialValues() {
        float[] x = new float[SPECIALS.length + 200];
        System.arraycopy(SPECIALS, 0, x, 0, SPECIALS.length);
        System.arraycopy(random(200, 1, -6, 6), 0, x, SPECIALS.length, 200);
        for (UnaryOp op : UnaryOp.values()) {
            float[] got = HostEmulation.of("unary").ints(op.ordinal()).floats(0.07f).array(x).runFloats();
            for (int i = 0; i < x.length; i++) {
                float expected = (float) op.reference(x[i], 0.07f);
                String what = op + "(" + x[i] + ")";
                if (Float.isNaN(expected) || Float.isInfinite(expected) || expected == 0) {
                    assertEquals(expected, got[i], 2e-6f, what);
                } else {
                    assertEquals(expected, got[i], 2e-6 * Math.abs(expected) + 2e-6, what);
                }
            }
        }
    }

    @Test
    void binaryMatchesTheFloat64ReferenceOnEveryPairOfSpecialValues() {
        int n = SPECIALS.length * SPECIALS.length;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = SPECIALS[i / SPECIALS.length];
            b[i] = SPECIALS[i % SPECIALS.length];
        }
        for (BinaryOp op : BinaryOp.values()) {
            float[] got = HostEmulation.of("binary").ints(op.ordinal()).array(a).array(b).runFloats();
            for (int i = 0; i < n; i++) {
                float expected = (float) op.reference(a[i], b[i]);
                String what = op + "(" + a[i] + ", " + b[i] + ")";
                if (op == BinaryOp.POW && Float.isFinite(expected) && expected != 0) {
                    assertEquals(expected, got[i], 1e-6 * Math.abs(expected), what);
                } else {
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(got[i]), what);
                }
            }
        }
    }

    @Test
    void castRoundsTowardZeroSaturatesAndMapsNanToZero() {
        int[] got = HostEmulation.of("cast").array(SPECIALS).run().get(0);
        for (int i = 0; i < SPECIALS.length; i++) {
            assertEquals((int) SPECIALS[i], got[i], "(int) " + SPECIALS[i]);
        }
    }

    @Test
    void columnReductionsMatchTheCpuBackend() {
        int outer = 3;
        int size = 7;
        int inner = 5;
        float[] x = random(outer * size * inner, 2, -3, 3);
        x[4] = Float.NaN;
        x[(size - 1) * inner + 2] = x[2]; // a tie: the first index wins
        for (ReduceOp op : ReduceOp.values()) {
            int[] got = HostEmulation.of("reduce_columns").ints(op.ordinal(), outer, size, inner).array(x).run().get(0);
            Buffer out = cpu.allocate(op.writesIndices() ? DType.INT32 : DType.FLOAT32, outer * inner);
            cpu.reduce(op, upload(x), outer, size, inner, out);
            if (op.writesIndices()) {
                assertArrayEquals(cpu.downloadInt(out), got, op.toString());
            } else {
                assertArrayEquals(cpu.downloadFloat(out), HostEmulation.toFloats(got), 1e-5f, op.toString());
            }
        }
    }

    @Test
    void rowReductionsThroughSharedMemoryMatchTheCpuBackend() {
        for (int size : new int[] {1, 7, 300, 1000}) {
            int outer = 5; // over 2 blocks, so blocks loop over rows
            float[] x = random(outer * size, size, -3, 3);
            x[size / 2] = Float.NaN;
            if (size > 1) {
                x[2 * size + size - 1] = x[2 * size]; // a tie: the first index wins
            }
            for (ReduceOp op : ReduceOp.values()) {
                int[] got = HostEmulation.of("reduce_rows").ints(op.ordinal(), outer, size, 2).array(x).run().get(0);
                Buffer out = cpu.allocate(op.writesIndices() ? DType.INT32 : DType.FLOAT32, outer);
                cpu.reduce(op, upload(x), outer, size, 1, out);
                if (op.writesIndices()) {
                    assertArrayEquals(cpu.downloadInt(out), got, op + " size " + size);
                } else {
                    // the CPU's vector sum rounds in float lanes, the kernel sums in double
                    assertArrayEquals(cpu.downloadFloat(out), HostEmulation.toFloats(got), 1e-6f * size, op + " size " + size);
                }
            }
        }
    }

    @Test
    void tiledSgemmMatchesTheCpuBackend() {
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                int m = 70;
                int n = 65;
                int k = 33;
                int lda = (transA ? m : k) + 3;
                int ldb = (transB ? k : n) + 1;
                int ldc = n + 2;
                GemmShape shape = new GemmShape(2, m, n, k, transA, transB, 0.5f, transA ? 0f : 0.25f,
                        1, lda, (long) lda * (transA ? k : m), 2, ldb, 0, 3, ldc, (long) ldc * m);
                float[] a = random(1 + 2 * lda * (transA ? k : m), 30, -1, 1);
                float[] b = random(2 + ldb * (transB ? n : k), 31, -1, 1);
                float[] c = random(3 + 2 * ldc * m, 32, -1, 1);
                if (shape.beta() == 0) {
                    c[3] = Float.NaN; // beta 0 must not read C
                }
                byte[] args = CudaGemm.args(shape, 0);
                long[] bytes = new long[args.length];
                for (int i = 0; i < args.length; i++) {
                    bytes[i] = args[i] & 0xFF;
                }
                float[] got = HostEmulation.of("sgemm").ints(bytes).ints(shape.batch()).array(a).array(b).array(c)
                        .runFloats();
                float[] expected = onCpu(c, out -> cpu.gemm(shape, upload(a), upload(b), out));
                assertArrayEquals(expected, got, 2e-6f, "transA " + transA + ", transB " + transB);
            }
        }
    }

    @Test
    void im2colAndCol2imMatchTheCpuBackend() {
        for (ConvGeometry g : List.of(new ConvGeometry(2, 3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1),
                new ConvGeometry(1, 2, 9, 8, 3, 2, 2, 3, 2, 1, 2, 1))) {
            float[] image = random(g.batch() * g.channels() * g.height() * g.width(), 3, -1, 1);
            int columns = g.batch() * g.colRows() * g.colCols();
            float[] got = HostEmulation.of("im2col").ints(geometry(g)).floats(0.25f).array(image).ints(columns).runFloats();
            Buffer cols = cpu.allocate(DType.FLOAT32, columns);
            cpu.im2col(g, 0.25f, upload(image), cols);
            assertArrayEquals(cpu.downloadFloat(cols), got, 0f, "im2col " + g);
            float[] colValues = random(columns, 4, -1, 1);
            float[] folded = HostEmulation.of("col2im").ints(geometry(g)).floats(0f).array(colValues).ints(image.length)
                    .runFloats();
            Buffer img = cpu.allocate(DType.FLOAT32, image.length);
            cpu.col2im(g, upload(colValues), img);
            assertArrayEquals(cpu.downloadFloat(img), folded, 0f, "col2im " + g);
        }
    }

    private static long[] geometry(ConvGeometry g) {
        return new long[] {g.batch(), g.channels(), g.height(), g.width(), g.kernelH(), g.kernelW(), g.strideH(),
            g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW(), g.outH(), g.outW()};
    }

    @Test
    void stridedCopyThroughThePackedLayoutMatchesTheCpuBackend() {
        int[] shape = {3, 1, 4, 5};
        int[] srcStrides = {1, 7, 0, 3}; // transposed, with a broadcast dimension
        int[] dstStrides = {40, 40, 10, 2};
        float[] src = random(20, 20, -1, 1);
        float[] dst = random(125, 21, -1, 1);
        List<byte[]> launches = new ArrayList<>();
        StridedDims.of(shape, srcStrides, dstStrides).forEachLaunch(new int[] {2, 3},
                (count, rank, dims, strides, at) -> launches.add(StridedLayout.pack(rank, dims, strides, at, 0)));
        assertEquals(1, launches.size());
        byte[] packed = launches.get(0);
        java.nio.IntBuffer layout = java.nio.ByteBuffer.wrap(packed).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        long[] fields = new long[layout.remaining()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = layout.get(i);
        }
        float[] got = HostEmulation.of("copy").ints(fields).ints(60).array(src).array(dst).runFloats();
        float[] expected = onCpu(dst, d -> cpu.copy(shape, upload(src), 2, srcStrides, d, 3, dstStrides));
        assertArrayEquals(expected, got, 0f);
    }

    @Test
    void gatherChecksItsIndicesThenMatchesTheCpuBackend() {
        int[] index = {0, 4, 4, 1, 2, 0, 3, 3, 4, 1, 1, 1, 2, 0, 0, 4, 3, 2, 2, 2, 1, 0, 4, 3};
        float[] src = random(2 * 5 * 4, 22, -1, 1);
        List<int[]> got = HostEmulation.of("gather").ints(2, 5, 4, 3).array(src).array(index).run();
        assertEquals(index.length, got.get(0)[0], "no bad index");
        Buffer indices = cpu.allocate(DType.INT32, index.length);
        cpu.upload(index, indices);
        Buffer out = cpu.allocate(DType.FLOAT32, index.length);
        cpu.gather(upload(src), 2, 5, 4, indices, 3, out);
        assertArrayEquals(cpu.downloadFloat(out), HostEmulation.toFloats(got.get(1)), 0f);
        index[17] = 5;
        index[21] = -1;
        assertEquals(17, HostEmulation.of("gather").ints(2, 5, 4, 3).array(src).array(index).run().get(0)[0],
                "the first bad position");
    }

    @Test
    void scatterAddMatchesTheCpuBackend() {
        int[] index = {0, 4, 4, 1, 2, 0, 3, 3, 4, 1, 1, 1, 2, 0, 0, 4, 3, 2, 2, 2, 1, 0, 4, 3};
        float[] src = random(index.length, 5, -1, 1);
        float[] out = random(2 * 5 * 4, 6, -1, 1);
        float[] got = HostEmulation.of("scatter_add").ints(2, 3, 4, 5).array(src).array(index).array(out).runFloats();
        Buffer indices = cpu.allocate(DType.INT32, index.length);
        cpu.upload(index, indices);
        float[] expected = onCpu(out, o -> cpu.scatterAdd(upload(src), 2, 3, 4, indices, 5, o));
        assertArrayEquals(expected, got, 1e-6f);
    }

    @Test
    void sgdRoundsAsTheCpuBackend() {
        float[] p = random(257, 7, -1, 1);
        float[] g = random(257, 8, -1, 1);
        float[] buf = random(257, 9, -1, 1);
        SgdConfig c = new SgdConfig(0.1f, 0.9f, 0f, 1e-2f, true);
        List<int[]> got = HostEmulation.of("sgd").floats(c.lr(), c.momentum(), 1 - c.dampening(), c.weightDecay())
                .ints(1, 0).array(p).array(g).array(buf).run();
        Buffer bufCpu = upload(buf);
        float[] expected = onCpu(p, param -> cpu.sgdStep(c, false, param, upload(g), bufCpu));
        assertArrayEquals(expected, HostEmulation.toFloats(got.get(0)), 0f, "param");
        assertArrayEquals(cpu.downloadFloat(bufCpu), HostEmulation.toFloats(got.get(1)), 0f, "momentum buffer");
    }

    @Test
    void adamWithAmsgradRoundsAsTheCpuBackend() {
        int n = 300;
        float[] p = random(n, 10, -1, 1);
        float[] g = random(n, 11, -1, 1);
        float[] m = random(n, 12, -0.1, 0.1);
        float[] v = random(n, 13, 0, 0.01);
        float[] vmax = random(n, 14, 0, 0.01);
        for (boolean decoupled : new boolean[] {false, true}) {
            AdamConfig c = new AdamConfig(1e-2f, 0.9f, 0.999f, 1e-8f, 0.05f, decoupled, true);
            int step = 4;
            double bc1 = 1 - Math.pow(c.beta1(), step);
            double bc2 = 1 - Math.pow(c.beta2(), step);
            List<int[]> got = HostEmulation.of("adam").floats((float) (c.lr() / bc1), (float) Math.sqrt(bc2),
                    decoupled ? (float) (1 - (double) c.lr() * c.weightDecay()) : 1f, decoupled ? 0f : c.weightDecay(),
                    c.beta1(), c.beta2(), c.eps()).array(p).array(g).array(m).array(v).array(vmax).run();
            Buffer[] state = {upload(m), upload(v), upload(vmax)};
            float[] expected = onCpu(p, param -> cpu.adamStep(c, step, param, upload(g), state[0], state[1], state[2]));
            assertArrayEquals(expected, HostEmulation.toFloats(got.get(0)), 0f, "param, decoupled " + decoupled);
            for (int s = 0; s < 3; s++) {
                assertArrayEquals(cpu.downloadFloat(state[s]), HostEmulation.toFloats(got.get(s + 1)), 0f, "state " + s);
            }
        }
    }

    @Test
    void rmspropCenteredWithMomentumAndAdagradRoundAsTheCpuBackend() {
        int n = 129;
        float[] p = random(n, 15, -1, 1);
        float[] g = random(n, 16, -1, 1);
        float[] sq = random(n, 17, 0.5, 1);
        float[] buf = random(n, 18, -0.1, 0.1);
        float[] avg = random(n, 19, -0.1, 0.1);
        RmspropConfig c = new RmspropConfig(1e-2f, 0.99f, 1e-8f, 1e-3f, 0.9f, true);
        List<int[]> got = HostEmulation.of("rmsprop").floats(c.lr(), c.alpha(), 1 - c.alpha(), c.eps(), c.weightDecay(),
                c.momentum()).array(p).array(g).array(sq).array(buf).array(avg).run();
        Buffer[] state = {upload(sq), upload(buf), upload(avg)};
        float[] expected = onCpu(p, param -> cpu.rmspropStep(c, param, upload(g), state[0], state[1], state[2]));
        assertArrayEquals(expected, HostEmulation.toFloats(got.get(0)), 0f, "rmsprop param");
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(cpu.downloadFloat(state[s]), HostEmulation.toFloats(got.get(s + 1)), 0f, "state " + s);
        }
        AdagradConfig a = new AdagradConfig(0.1f, 0.01f, 1e-3f, 1e-10f);
        float clr = (float) (a.lr() / (1 + (3 - 1) * (double) a.lrDecay()));
        List<int[]> ada = HostEmulation.of("rmsprop").floats(clr, 1f, 1f, a.eps(), a.weightDecay(), 0f)
                .array(p).array(g).array(sq).array(new float[0]).array(new float[0]).run();
        Buffer sum = upload(sq);
        float[] adaExpected = onCpu(p, param -> cpu.adagradStep(a, 3, param, upload(g), sum));
        assertArrayEquals(adaExpected, HostEmulation.toFloats(ada.get(0)), 0f, "adagrad param");
        assertTrue(HostEmulation.toFloats(ada.get(1))[0] > sq[0], "the sum grew");
    }
}
