package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.loss.Penalties;
import org.junit.jupiter.api.Test;

/** L1 and L2 penalties: values and gradients against float64, and their argument checks. */
public class PenaltiesConformance extends LossConformanceSupport {
    private static final int[][] SHAPES = {{7}, {3, 43}, {1}};
    private static final float LAMBDA = 0.03f;

    private float[][] weights() {
        float[][] values = new float[SHAPES.length][];
        for (int k = 0; k < SHAPES.length; k++) {
            values[k] = randomFloats(Shape.numel(SHAPES[k]), 40 + k, -2, 2);
        }
        return values;
    }

    @Test
    void l2IsLambdaTimesSumOfSquaresWithGradientTwoLambdaW() {
        checkPenalty(true);
    }

    @Test
    void l1IsLambdaTimesSumOfAbsoluteValuesWithGradientLambdaSignW() {
        checkPenalty(false);
    }

    private void checkPenalty(boolean l2) {
        float[][] values = weights();
        Tensor[] params = new Tensor[values.length];
        double expected = 0;
        for (int k = 0; k < values.length; k++) {
            params[k] = tensor(values[k], SHAPES[k]).requiresGrad(true);
            for (float w : values[k]) {
                expected += LAMBDA * (l2 ? (double) w * w : Math.abs(w));
            }
        }
        Tensor penalty = l2 ? Penalties.l2(List.of(params), LAMBDA) : Penalties.l1(List.of(params), LAMBDA);
        assertArrayEquals(new int[0], penalty.shape());
        assertClose("penalty", new double[] {expected}, penalty.toFloatArray(), RTOL, ATOL);
        penalty.backward();
        for (int k = 0; k < values.length; k++) {
            double[] grad = new double[values[k].length];
            for (int i = 0; i < grad.length; i++) {
                grad[i] = l2 ? 2.0 * LAMBDA * values[k][i] : LAMBDA * Math.signum(values[k][i]);
            }
            assertClose("gradient of weight " + k, grad, params[k].grad().toFloatArray(), 1e-6, 1e-8);
        }
    }

    @Test
    void noWeightsGiveZero() {
        assertClose("l2", new double[] {0}, Penalties.l2(List.of(), 0.5f).toFloatArray(), 0, 0);
        assertClose("l1", new double[] {0}, Penalties.l1(List.of(), 0.5f).toFloatArray(), 0, 0);
    }

    @Test
    void badArgumentsAreRejected() {
        List<Tensor> params = List.of(tensor(randomFloats(3, 45), 3));
        assertRejected(() -> Penalties.l2(params, -0.1f), "l2", "lambda");
        assertRejected(() -> Penalties.l1(params, Float.NaN), "l1", "lambda");
        assertRejected(() -> Penalties.l2(List.of(labels(new int[] {1, 2}, 2)), 0.1f), "l2", "INT32", "[2]");
    }
}
