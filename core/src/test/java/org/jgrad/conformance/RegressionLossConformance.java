package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.loss.HuberLoss;
import org.jgrad.loss.L1Loss;
import org.jgrad.loss.Loss;
import org.jgrad.loss.MSELoss;
import org.jgrad.loss.Reduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** MSELoss, L1Loss and HuberLoss against float64 references, for every reduction. */
public class RegressionLossConformance extends LossConformanceSupport {
    private static final double HUBER_DELTA = 0.7;

    /** A regression loss under test and its float64 definition per element. */
    enum Kind {
        MSE(MSELoss::new, (x, t) -> (x - t) * (x - t)),
        L1(L1Loss::new, (x, t) -> Math.abs(x - t)),
        HUBER(r -> new HuberLoss((float) HUBER_DELTA, r), (x, t) -> {
            double d = Math.abs(x - t);
            return d < HUBER_DELTA ? 0.5 * d * d : HUBER_DELTA * (d - 0.5 * HUBER_DELTA);
        });

        final Function<Reduction, Loss> make;
        final DoubleBinaryOperator reference;

        Kind(Function<Reduction, Loss> make, DoubleBinaryOperator reference) {
            this.make = make;
            this.reference = reference;
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{1}, {7}, {129}, {1000}, {7, 3}, {2, 1, 5}};
        for (Kind kind : Kind.values()) {
            for (Reduction reduction : Reduction.values()) {
                for (int[] shape : shapes) {
                    cases.add(Arguments.of(kind, reduction, shape));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesFloat64Reference(Kind kind, Reduction reduction, int[] shape) {
        int n = Shape.numel(shape);
        float[] input = randomFloats(n, 1, -2, 2);
        float[] target = randomFloats(n, 2, -2, 2);
        double[] perElement = new double[n];
        for (int i = 0; i < n; i++) {
            perElement[i] = kind.reference.applyAsDouble(input[i], target[i]);
        }
        Tensor loss = kind.make.apply(reduction).apply(tensor(input, shape), tensor(target, shape));
        assertLoss(kind + " " + reduction, reduced(perElement, reduction), shape, reduction, loss);
    }

    @Test
    void mseOfAPredictionAndItselfIsExactlyZero() {
        float[] values = randomFloats(1000, 3, -1e3, 1e3);
        Tensor x = tensor(values, 10, 100).requiresGrad(true);
        Tensor loss = new MSELoss(Reduction.SUM).apply(x, x);
        assertEquals(0f, loss.item());
        loss.backward();
        assertClose("gradient", new double[1000], x.grad().toFloatArray(), 0, 0);
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        // differences 0.5 (quadratic: 0.125) and 3 (linear: 2 * (3 - 1) = 4) with delta 2
        Tensor loss = new HuberLoss(2f, Reduction.NONE).apply(tensor(new float[] {1.5f, -3f}, 2),
                tensor(new float[] {1f, 0f}, 2));
        assertClose("huber", new double[] {0.125, 4}, loss.toFloatArray(), 0, 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void shapeMismatchNamesTheLossAndBothShapes(Kind kind) {
        Loss loss = kind.make.apply(Reduction.MEAN);
        String name = loss.getClass().getSimpleName();
        assertRejected(() -> loss.apply(Tensors.zeros(3, 4), Tensors.zeros(4, 3)), name, "[3, 4]", "[4, 3]");
        assertRejected(() -> loss.apply(Tensors.zeros(3, 4), Tensors.zeros(4)), name, "[3, 4]", "[4]");
        assertRejected(() -> loss.apply(Tensors.zeros(3), Tensors.zeros(backend(), DType.INT32, 3)), name, "INT32", "[3]");
    }

    @Test
    void badOptionsAreRejected() {
        assertRejected(() -> new HuberLoss(0f), "HuberLoss", "delta");
        assertRejected(() -> new HuberLoss(Float.NaN), "HuberLoss", "delta");
        assertRejected(() -> new MSELoss(null), "MSELoss", "reduction");
    }
}
