package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.loss.Reduction;
import org.junit.jupiter.api.function.Executable;

/**
 * Helpers of the loss suites: tensors on the backend under test, the float64 reference of each
 * {@link Reduction}, and checks of loss values and error messages.
 */
public abstract class LossConformanceSupport extends TensorConformanceSupport {
    /** Float32 losses summed over up to a thousand elements against float64 references. */
    protected static final double RTOL = 2e-5;
    protected static final double ATOL = 2e-6;

    protected Tensor labels(int[] values, int... shape) {
        return Tensors.fromArray(backend(), values, shape);
    }

    /** What {@code reduction} makes of per-element losses, MEAN dividing the sum by {@code meanDenominator}. */
    protected static double[] reduced(double[] losses, Reduction reduction, double meanDenominator) {
        if (reduction == Reduction.NONE) {
            return losses.clone();
        }
        double sum = 0;
        for (double loss : losses) {
            sum += loss;
        }
        return new double[] {reduction == Reduction.SUM ? sum : sum / meanDenominator};
    }

    protected static double[] reduced(double[] losses, Reduction reduction) {
        return reduced(losses, reduction, losses.length);
    }

    /** The loss has the shape the reduction implies and the expected values. */
    protected static void assertLoss(String what, double[] expected, int[] unreducedShape, Reduction reduction,
            Tensor actual) {
        int[] shape = reduction == Reduction.NONE ? unreducedShape : new int[0];
        assertArrayEquals(shape, actual.shape(), what + ": shape");
        assertClose(what, expected, actual.toFloatArray(), RTOL, ATOL);
    }

    /** Every value finite. */
    protected static void assertFinite(String what, float[] values) {
        for (int i = 0; i < values.length; i++) {
            assertTrue(Float.isFinite(values[i]), what + ": element " + i + " is " + values[i]);
        }
    }

    /** Fails unless {@code call} throws IllegalArgumentException whose message holds every fragment. */
    protected static void assertRejected(Executable call, String... fragments) {
        assertRejected(IllegalArgumentException.class, call, fragments);
    }
}
