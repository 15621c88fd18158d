package org.jgrad.conformance;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jgrad.Shape;

/**
 * Host values and a shape for one input of a {@link GradCheck}, with factories that keep values
 * away from the points where an op is not differentiable (relu and abs at 0, max ties, clamp
 * bounds), by more than the finite-difference step, so the check is honest by construction.
 */
public record GradInput(float[] values, int[] shape) {

    /** Distance kept from a kink: five finite-difference steps. */
    public static final double KINK_MARGIN = 5 * GradCheck.DEFAULT_EPS;

    /** Spacing of {@link #distinct} values: ties stay broken when any one value moves by a step. */
    public static final double DISTINCT_SPACING = 5 * GradCheck.DEFAULT_EPS;

    public GradInput {
        if (values.length != Shape.numel(shape)) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
    }

    public static GradInput of(float[] values, int... shape) {
        return new GradInput(values, shape);
    }

    /** Uniform in [lo, hi). */
    public static GradInput uniform(long seed, double lo, double hi, int... shape) {
        return avoiding(seed, lo, hi, new double[0], shape);
    }

    /** Uniform in [lo, hi) but at least {@link #KINK_MARGIN} from every value in {@code kinks}. */
    public static GradInput avoiding(long seed, double lo, double hi, double[] kinks, int... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Shape.numel(shape)];
        for (int i = 0; i < values.length; i++) {
            double v;
            do {
                v = lo + (hi - lo) * random.nextDouble();
            } while (nearAny(v, kinks));
            values[i] = (float) v;
        }
        return new GradInput(values, shape);
    }

    /** Uniform in [-1.5, 1.5) but at least {@link #KINK_MARGIN} from 0, for relu, abs and leakyRelu. */
    public static GradInput awayFromZero(long seed, int... shape) {
        return magnitude(seed, KINK_MARGIN, 1.5, shape);
    }

    /** Random sign and magnitude uniform in [lo, hi): divisors, where 1/x must not curve too much within a step. */
    public static GradInput magnitude(long seed, double lo, double hi, int... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Shape.numel(shape)];
        for (int i = 0; i < values.length; i++) {
            double m = lo + (hi - lo) * random.nextDouble();
            values[i] = (float) (random.nextBoolean() ? m : -m);
        }
        return new GradInput(values, shape);
    }

    /** Uniform in [0.5, 2), for log, sqrt and bases of pow. */
    public static GradInput positive(long seed, int... shape) {
        return uniform(seed, 0.5, 2, shape);
    }

    /** Pairwise distinct values, {@link #DISTINCT_SPACING} apart, shuffled and centred on 0: no max ties. */
    public static GradInput distinct(long seed, int... shape) {
        return distinctGroup(seed, shape)[0];
    }

    /** Inputs whose values are all distinct from each other, across the whole group (for maximum/minimum). */
    public static GradInput[] distinctGroup(long seed, int[]... shapes) {
        int total = 0;
        for (int[] shape : shapes) {
            total += Shape.numel(shape);
        }
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = total - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        GradInput[] inputs = new GradInput[shapes.length];
        int next = 0;
        for (int s = 0; s < shapes.length; s++) {
            float[] values = new float[Shape.numel(shapes[s])];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((order[next++] - (total - 1) / 2.0) * DISTINCT_SPACING);
            }
            inputs[s] = new GradInput(values, shapes[s]);
        }
        return inputs;
    }

    private static boolean nearAny(double v, double[] kinks) {
        for (double kink : kinks) {
            if (Math.abs(v - kink) < KINK_MARGIN) {
                return true;
            }
        }
        return false;
    }
}
