package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.nn.BatchNorm;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.LayerNorm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** BatchNorm in training (batch statistics, running-stat updates) and eval (running statistics); LayerNorm. */
public class NnNormalizationConformance extends NnSupport {
    private static final double EPS = 1e-5;

    static Stream<Arguments> batchNormCases() {
        IntFunction<BatchNorm> bn1 = BatchNorm1d::new;
        IntFunction<BatchNorm> bn2 = BatchNorm2d::new;
        return Stream.of(
                Arguments.of(bn1, new int[] {7, 5}),
                Arguments.of(bn1, new int[] {2, 3, 4}),
                Arguments.of(bn1, new int[] {2, 1}),
                Arguments.of(bn2, new int[] {3, 4, 5, 6}),
                Arguments.of(bn2, new int[] {1, 2, 1, 7}),
                Arguments.of(bn2, new int[] {2, 1, 3, 3}));
    }

    @ParameterizedTest
    @MethodSource("batchNormCases")
    void batchNormTrainsOnBatchStatisticsAndEvaluatesOnRunningOnes(IntFunction<BatchNorm> factory, int[] shape) {
        int n = shape[0];
        int c = shape[1];
        int inner = Shape.numel(shape) / (n * c);
        BatchNorm bn = factory.apply(c);
        assertClose("running_mean starts at 0", new double[c], bn.buffer("running_mean").toFloatArray(), 0, 0);
        assertClose("running_var starts at 1", filled(c, 1), bn.buffer("running_var").toFloatArray(), 0, 0);
        set(bn.parameter("weight"), randomFloats(c, 20, 0.5, 1.5));
        set(bn.parameter("bias"), randomFloats(c, 21, -0.5, 0.5));
        double[] w = doubles(bn.parameter("weight"));
        double[] b = doubles(bn.parameter("bias"));
        double[] runningMean = new double[c];
        double[] runningVar = filled(c, 1);
        int count = n * inner;
        for (int step = 0; step < 3; step++) {
            float[] x = randomFloats(Shape.numel(shape), 30 + step, -1 + step, 3 + 2 * step);
            Tensor y = bn.forward(tensor(x, shape));
            double[][] stats = NnReference.channelStats(doubles(x), n, c, inner);
            assertClose("train step " + step, NnReference.batchNorm(doubles(x), c, inner, stats[0], stats[1], EPS, w, b),
                    y.toFloatArray(), 1e-4, 1e-4);
            for (int ch = 0; ch < c; ch++) {
                runningMean[ch] = 0.9 * runningMean[ch] + 0.1 * stats[0][ch];
                runningVar[ch] = 0.9 * runningVar[ch] + 0.1 * stats[1][ch] * count / (count - 1);
            }
            assertClose("running_mean after step " + step, runningMean, bn.buffer("running_mean").toFloatArray(), 1e-5, 1e-6);
            assertClose("running_var after step " + step, runningVar, bn.buffer("running_var").toFloatArray(), 1e-5, 1e-6);
            assertArrayEquals(new int[] {step + 1}, bn.buffer("num_batches_tracked").toIntArray(), "batches counted");
        }
        bn.eval();
        float[] x = randomFloats(Shape.numel(shape), 40, -2, 2);
        Tensor y = bn.forward(tensor(x, shape));
        assertClose("eval", NnReference.batchNorm(doubles(x), c, inner, runningMean, runningVar, EPS, w, b),
                y.toFloatArray(), 1e-4, 1e-5);
        assertClose("eval leaves running_mean", runningMean, bn.buffer("running_mean").toFloatArray(), 1e-5, 1e-6);
        assertClose("eval leaves running_var", runningVar, bn.buffer("running_var").toFloatArray(), 1e-5, 1e-6);
        assertArrayEquals(new int[] {3}, bn.buffer("num_batches_tracked").toIntArray(), "eval counts no batch");
        assertArrayEquals(new int[0], bn.buffer("num_batches_tracked").shape(), "a scalar, as PyTorch's");
    }

    @Test
    void batchNormWithoutAffineUsesItsMomentumAndEps() {
        BatchNorm2d bn = new BatchNorm2d(3, 1e-3, 0.3, false);
        assertEquals(0, bn.parameterCount());
        assertEquals(List.of("running_mean", "running_var", "num_batches_tracked"), List.copyOf(bn.stateDict().keySet()));
        float[] x = randomFloats(2 * 3 * 4 * 4, 22, -1, 2);
        Tensor y = bn.forward(tensor(x, 2, 3, 4, 4));
        double[][] stats = NnReference.channelStats(doubles(x), 2, 3, 16);
        assertClose("no affine", NnReference.batchNorm(doubles(x), 3, 16, stats[0], stats[1], 1e-3, null, null),
                y.toFloatArray(), 1e-4, 1e-4);
        double[] runningVar = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            stats[0][ch] *= 0.3;
            runningVar[ch] = 0.7 + 0.3 * stats[1][ch] * 32 / 31;
        }
        assertClose("momentum 0.3 mean", stats[0], bn.buffer("running_mean").toFloatArray(), 1e-5, 1e-6);
        assertClose("momentum 0.3 var", runningVar, bn.buffer("running_var").toFloatArray(), 1e-5, 1e-6);
    }

    @Test
    void batchNormNeedsTwoValuesPerChannelInTrainingOnly() {
        BatchNorm1d bn = new BatchNorm1d(4);
        Tensor single = tensor(randomFloats(4, 23), 1, 4);
        assertRejected(IllegalArgumentException.class, () -> bn.forward(single), "[1, 4]");
        bn.eval();
        assertDoesNotThrow(() -> bn.forward(single));
        assertRejected(IllegalArgumentException.class,
                () -> new BatchNorm2d(3).forward(tensor(randomFloats(32, 24), 2, 4, 2, 2)), "[2, 4, 2, 2]");
    }

    static Stream<Arguments> layerNormCases() {
        return Stream.of(
                Arguments.of(new int[] {3, 7}, new int[] {7}),
                Arguments.of(new int[] {2, 3, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {1, 129}, new int[] {129}),
                Arguments.of(new int[] {5, 1}, new int[] {1}));
    }

    @ParameterizedTest
    @MethodSource("layerNormCases")
    void layerNormNormalisesEachSampleOverTheTrailingShape(int[] shape, int[] normalized) {
        LayerNorm ln = new LayerNorm(normalized);
        int size = Shape.numel(normalized);
        assertClose("weight starts at 1", filled(size, 1), ln.parameter("weight").toFloatArray(), 0, 0);
        assertClose("bias starts at 0", new double[size], ln.parameter("bias").toFloatArray(), 0, 0);
        set(ln.parameter("weight"), randomFloats(size, 25, 0.5, 1.5));
        set(ln.parameter("bias"), randomFloats(size, 26, -0.5, 0.5));
        float[] x = randomFloats(Shape.numel(shape), 27, -2, 3);
        double[] expected = NnReference.layerNorm(doubles(x), size, EPS, doubles(ln.parameter("weight")),
                doubles(ln.parameter("bias")));
        Tensor y = ln.forward(tensor(x, shape));
        assertArrayEquals(shape, y.shape());
        assertClose("layer norm training", expected, y.toFloatArray(), 1e-4, 1e-5);
        ln.eval();
        assertClose("layer norm eval", expected, ln.forward(tensor(x, shape)).toFloatArray(), 1e-4, 1e-5);
    }

    @Test
    void layerNormWithoutAffineAndWithItsEps() {
        LayerNorm ln = new LayerNorm(new int[] {6}, 1e-2, false);
        assertEquals(0, ln.parameterCount());
        float[] x = randomFloats(4 * 6, 28, -0.2, 0.2);
        assertClose("no affine, eps 1e-2", NnReference.layerNorm(doubles(x), 6, 1e-2, null, null),
                ln.forward(tensor(x, 4, 6)).toFloatArray(), 1e-4, 1e-5);
        assertRejected(IllegalArgumentException.class, () -> ln.forward(tensor(randomFloats(20, 29), 4, 5)), "[4, 5]");
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
