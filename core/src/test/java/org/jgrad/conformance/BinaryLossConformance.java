package org.jgrad.conformance;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.loss.BCEWithLogitsLoss;
import org.jgrad.loss.Reduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** BCEWithLogitsLoss against float64 references, its stability at large |x|, and its errors. */
public class BinaryLossConformance extends LossConformanceSupport {

    /** PyTorch's definition: (1 - y) x + (1 + (p - 1) y) (log1p(exp(-|x|)) + max(-x, 0)), times w. */
    static double reference(double x, double y, double posWeight, double weight) {
        double softplusNeg = Math.log1p(Math.exp(-Math.abs(x))) + Math.max(-x, 0);
        return weight * ((1 - y) * x + (1 + (posWeight - 1) * y) * softplusNeg);
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] shape : new int[][] {{1, 1}, {7, 3}, {129, 4}, {1000, 1}}) {
            for (Reduction reduction : Reduction.values()) {
                for (boolean posWeighted : new boolean[] {false, true}) {
                    cases.add(Arguments.of(shape, reduction, posWeighted, false));
                    cases.add(Arguments.of(shape, reduction, posWeighted, true));
                }
            }
        }
        return cases;
    }

    /** posWeight has one entry per column (shape (C)); weight one per row (shape (N, 1)). */
    @ParameterizedTest(name = "{0} {1} posWeight {2} weight {3}")
    @MethodSource("cases")
    void matchesFloat64Reference(int[] shape, Reduction reduction, boolean posWeighted, boolean weighted) {
        int rows = shape[0];
        int cols = shape[1];
        float[] x = randomFloats(rows * cols, 31, -6, 6);
        float[] y = randomFloats(rows * cols, 32, 0, 1);
        float[] posWeight = randomFloats(cols, 33, 0.2, 3);
        float[] weight = randomFloats(rows, 34, 0.2, 2);
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = reference(x[i], y[i], posWeighted ? posWeight[i % cols] : 1, weighted ? weight[i / cols] : 1);
        }
        BCEWithLogitsLoss loss = new BCEWithLogitsLoss().reduction(reduction)
                .posWeight(posWeighted ? tensor(posWeight, cols) : null)
                .weight(weighted ? tensor(weight, rows, 1) : null);
        assertLoss("bce", reduced(expected, reduction), shape, reduction, loss.apply(tensor(x, shape), tensor(y, shape)));
    }

    /** Logits where exp(|x|) overflows float32, with hard and soft targets. */
    @ParameterizedTest
    @EnumSource(value = Reduction.class, names = {"NONE", "SUM"})
    void isFiniteAndCorrectAtLargeLogits(Reduction reduction) {
        float[] x = {1e4f, -1e4f, 1e4f, -1e4f, 100f, -100f, 3e38f, -3e38f, 20f, -30f};
        float[] y = {1f, 0f, 0f, 1f, 0.25f, 0.75f, 1f, 0f, 1f, 0f};
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = reference(x[i], y[i], 2, 1);
        }
        Tensor loss = new BCEWithLogitsLoss().posWeight(tensor(new float[] {2f}, 1)).reduction(reduction)
                .apply(tensor(x, 10), tensor(y, 10));
        assertFinite("loss", loss.toFloatArray());
        assertClose("bce", reduced(expected, reduction), loss.toFloatArray(), 1e-6, 1e-7);
    }

    @Test
    void gradientIsSigmoidMinusTargetAtLargeLogits() {
        float[] x = {1e4f, -1e4f, 1e4f, -1e4f, 50f, -50f, 17f, -17f};
        float[] y = {1f, 0f, 0f, 1f, 0.5f, 0.5f, 1f, 0f};
        Tensor logits = tensor(x, 8).requiresGrad(true);
        new BCEWithLogitsLoss().reduction(Reduction.SUM).apply(logits, tensor(y, 8)).backward();
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = 1 / (1 + Math.exp(-x[i])) - y[i];
        }
        float[] grad = logits.grad().toFloatArray();
        assertFinite("gradient", grad);
        assertClose("gradient", expected, grad, 1e-6, 1e-7);
    }

    @Test
    void mismatchesNameTheLossAndBothShapes() {
        Tensor x = tensor(randomFloats(12, 35), 3, 4);
        BCEWithLogitsLoss bce = new BCEWithLogitsLoss();
        assertRejected(() -> bce.apply(x, tensor(randomFloats(12, 36), 4, 3)), "BCEWithLogitsLoss", "[3, 4]", "[4, 3]");
        assertRejected(() -> bce.apply(x, labels(new int[12], 3, 4)), "BCEWithLogitsLoss", "INT32", "[3, 4]");
        assertRejected(() -> new BCEWithLogitsLoss().posWeight(tensor(new float[] {1, 2, 3}, 3)).apply(x, x),
                "BCEWithLogitsLoss", "posWeight", "[3]", "[3, 4]");
        assertRejected(() -> new BCEWithLogitsLoss().weight(tensor(new float[24], 2, 3, 4)).apply(x, x),
                "BCEWithLogitsLoss", "weight", "[2, 3, 4]", "[3, 4]");
        assertRejected(() -> new BCEWithLogitsLoss().reduction(null), "BCEWithLogitsLoss", "reduction");
    }
}
