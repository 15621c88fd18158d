package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.LstmSequence;
import org.jgrad.backend.ReduceOp;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.GELU;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Tanh;
import org.jgrad.optim.Adam;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Same bits for every thread count (set with {@link Parallel#setThreads} in this JVM; the example
 * tests vary -XX:ActiveProcessorCount across JVMs), and sums and products equal to the one order
 * written down in {@link FixedOrderSum} and {@link org.jgrad.cpu.gemm.Sgemm}, recomputed here in
 * plain Java. Surefire runs this class on both kernel paths, so both match that one definition.
 */
class CpuDeterminismTest {
    private static final int[] THREADS = {1, 2, 3, 4, 8};
    private final Backend backend = new CpuBackend();
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    @Test
    void rowSumsFollowTheFixedOrderOnEveryThreadCount() {
        int[][] shapes = {{1, 1}, {1, 15}, {1, 17}, {1, 65_536}, {1, 65_537}, {1, 300_001}, {3, 70_000}, {40, 1000}};
        for (int[] shape : shapes) {
            float[] x = randomFloats(shape[0] * shape[1], shape[1]);
            float[] expected = new float[shape[0]];
            for (int o = 0; o < shape[0]; o++) {
                expected[o] = fixedOrderSum(x, o * shape[1], shape[1]);
            }
            for (int threads : THREADS) {
                Parallel.setThreads(threads);
                Buffer out = backend.allocate(DType.FLOAT32, shape[0]);
                backend.reduce(ReduceOp.SUM, upload(x), shape[0], shape[1], 1, out);
                assertBits("sum of " + shape[0] + " x " + shape[1] + " on " + threads + " threads", expected,
                        backend.downloadFloat(out));
            }
        }
    }

    @Test
    void gemmFollowsTheFixedOrderOnEveryThreadCount() {
        // (m, n, k, transA, transB, alpha, beta): panels of k, edge tiles, transposes, matrix-vector;
        // k = 257 makes panels of 129 and 128 steps, so the kernel's odd last step runs too
        Object[][] cases = {{128, 256, 784, false, true, 1f, 0f}, {200, 301, 600, true, false, 0.5f, 0.25f},
            {97, 130, 700, false, false, 1f, 1f}, {1, 300, 513, false, false, 1f, 0f}, {300, 1, 513, false, true, 2f, 0f},
            {1, 257, 300, false, true, 1f, 0.5f}, {37, 45, 257, true, true, 1.5f, -0.5f}};
        for (Object[] c : cases) {
            int m = (int) c[0];
            int n = (int) c[1];
            int k = (int) c[2];
            boolean transA = (boolean) c[3];
            boolean transB = (boolean) c[4];
            GemmShape shape = new GemmShape(1, m, n, k, transA, transB, (float) c[5], (float) c[6],
                    0, transA ? m : k, 0, 0, transB ? k : n, 0, 0, n, 0);
            float[] a = randomFloats(m * k, 1 + m);
            float[] b = randomFloats(k * n, 2 + n);
            float[] c0 = randomFloats(m * n, 3 + k);
            float[] expected = fixedOrderGemm(shape, a, b, c0);
            for (int threads : THREADS) {
                Parallel.setThreads(threads);
                Buffer out = upload(c0);
                backend.gemm(shape, upload(a), upload(b), out);
                assertBits("gemm " + m + "x" + n + "x" + k + " on " + threads + " threads", expected,
                        backend.downloadFloat(out));
            }
        }
    }

    /** Convolutions, pooling, GEMM, reductions, transcendentals and Adam together, a few steps. */
    @Test
    void trainingStepsGiveTheSameBitsOnEveryThreadCount() {
        float[] expected = null;
        for (int threads : THREADS) {
            Parallel.setThreads(threads);
            float[] weights = train();
            if (expected == null) {
                expected = weights;
            } else {
                assertBits("weights after training on " + threads + " threads", expected, weights);
            }
        }
    }

    /**
     * The LSTM's sequence primitive splits the batch rows across threads for all steps: 13 rows
     * (the last register tile partial), padded rows at some steps, the same bits on every count.
     */
    @Test
    void lstmSequenceGivesTheSameBitsOnEveryThreadCount() {
        int steps = 5;
        int batch = 13;
        int hidden = 12;
        boolean[][] valid = new boolean[steps][batch];
        for (int k = 0; k < steps; k++) {
            for (int b = 0; b < batch; b++) {
                valid[k][b] = (k * 5 + b) % 7 != 0;
            }
        }
        LstmSequence seq = new LstmSequence(steps, batch, hidden, valid);
        float[] gx = randomFloats(steps * batch * 4 * hidden, 31);
        float[] weight = randomFloats(4 * hidden * hidden, 32);
        float[] initial = randomFloats((steps + 1) * batch * 2 * hidden, 33);
        float[] dStates = randomFloats((steps + 1) * batch * 2 * hidden, 34);
        float[] expected = null;
        for (int threads : THREADS) {
            Parallel.setThreads(threads);
            Buffer gates = upload(gx);
            Buffer states = upload(initial);
            Buffer w = upload(weight);
            Buffer dGates = backend.allocate(DType.FLOAT32, gx.length);
            Buffer dInitial = backend.allocate(DType.FLOAT32, batch * 2 * hidden);
            backend.lstmSequenceForward(seq, gates, w, states);
            backend.lstmSequenceBackward(seq, gates, w, states, upload(dStates), dGates, dInitial);
            float[] all = concat(backend.downloadFloat(gates), backend.downloadFloat(states), backend.downloadFloat(dGates),
                    backend.downloadFloat(dInitial));
            if (expected == null) {
                expected = all;
            } else {
                assertBits("LSTM sequence (gates, states, gate gradients, initial gradient) on " + threads + " threads", expected,
                        all);
            }
        }
    }

    private static float[] concat(float[]... parts) {
        float[] out = new float[java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private float[] train() {
        Generator.manualSeed(15);
        Sequential model = new Sequential(new Conv2d(1, 8, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Conv2d(8, 8, 3, 1, 1), new Tanh(), new Flatten(), new Linear(8 * 8 * 8, 64), new GELU(),
                new Linear(64, 10));
        Adam adam = new Adam(model.parameters(), 1e-3);
        Tensor x = Tensors.fromArray(randomFloats(64 * 16 * 16, 5), 64, 1, 16, 16);
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i * 7 % 10;
        }
        Tensor y = Tensors.fromArray(labels, 64);
        for (int step = 0; step < 4; step++) {
            try (Scope ignored = Scope.open()) {
                adam.zeroGrad();
                new CrossEntropyLoss().apply(model.forward(x), y).backward();
                adam.step();
            }
        }
        List<Float> all = new ArrayList<>();
        for (Tensor p : model.parameters()) {
            for (float v : p.toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    /** FixedOrderSum's definition, written out: 16 float lanes per block of 2^14, a lane tree, blocks in float64. */
    private static float fixedOrderSum(float[] x, int from, int n) {
        double total = 0;
        for (int block = 0; block < n; block += 1 << 14) {
            float[] lanes = new float[16];
            for (int i = block; i < Math.min(n, block + (1 << 14)); i++) {
                lanes[(i - block) % 16] += x[from + i];
            }
            for (int width = 8; width >= 1; width /= 2) {
                for (int j = 0; j < width; j++) {
                    lanes[j] += lanes[j + width];
                }
            }
            total += lanes[0];
        }
        return (float) total;
    }

    /** Sgemm's definition: acc = beta C (0 for beta 0), then acc = fma(alpha A(i, p), B(p, j), acc) for p in order. */
    private static float[] fixedOrderGemm(GemmShape s, float[] a, float[] b, float[] c) {
        float[] out = c.clone();
        for (int i = 0; i < s.m(); i++) {
            for (int j = 0; j < s.n(); j++) {
                float acc = s.beta() == 0f ? 0f : s.beta() * c[i * s.ldc() + j];
                for (int p = 0; p < s.k(); p++) {
                    float aip = s.transA() ? a[p * s.lda() + i] : a[i * s.lda() + p];
                    float bpj = s.transB() ? b[j * s.ldb() + p] : b[p * s.ldb() + j];
                    acc = Math.fma(s.alpha() * aip, bpj, acc);
                }
                out[i * s.ldc() + j] = acc;
            }
        }
        return out;
    }

    private Buffer upload(float[] values) {
        Buffer buffer = backend.allocate(DType.FLOAT32, values.length);
        backend.upload(values, buffer);
        return buffer;
    }

    private static float[] randomFloats(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * (1 + (i % 7)));
        }
        return x;
    }

    private static void assertBits(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                assertEquals(expected[i], actual[i], what + ": element " + i + " differs in its bits");
                assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), what + ": element " + i);
            }
        }
    }
}
