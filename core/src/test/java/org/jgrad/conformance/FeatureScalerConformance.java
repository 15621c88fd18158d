package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.data.Batch;
import org.jgrad.data.Dataset;
import org.jgrad.data.Example;
import org.jgrad.data.FeatureScaler;
import org.jgrad.data.TensorDataset;
import org.junit.jupiter.api.Test;

/**
 * Standardisation and min-max scaling fitted on one dataset and applied to another, against
 * float64 statistics and formulas computed here. Inputs are [2, 3] per example (6 features),
 * feature 4 constant; the training set spans several of the fitter's 4096-example chunks.
 */
public class FeatureScalerConformance extends DataSupport {
    private static final int FEATURES = 6;
    private static final int CONSTANT = 4;
    private static final int[] SHAPE = {2, 3};

    /** n examples; feature f drawn from [f - 3, 2f + 5), feature CONSTANT always 2.5. */
    private static float[] inputs(int n, long seed) {
        float[] x = randomFloats(n * FEATURES, seed, 0, 1);
        for (int i = 0; i < x.length; i++) {
            int f = i % FEATURES;
            x[i] = f == CONSTANT ? 2.5f : (float) (f - 3 + (f + 8) * (double) x[i]);
        }
        return x;
    }

    private static TensorDataset dataset(float[] x) {
        return TensorDataset.ofLabels(x, SHAPE, new int[x.length / FEATURES]);
    }

    /** Per-feature mean, population standard deviation, minimum and maximum, in float64 (rows 0..3 of the result). */
    private static double[][] reference(float[] x) {
        int n = x.length / FEATURES;
        double[][] stats = new double[4][FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                sum += x[r * FEATURES + f];
                min = Math.min(min, x[r * FEATURES + f]);
                max = Math.max(max, x[r * FEATURES + f]);
            }
            double mean = sum / n;
            double squares = 0;
            for (int r = 0; r < n; r++) {
                squares += (x[r * FEATURES + f] - mean) * (x[r * FEATURES + f] - mean);
            }
            stats[0][f] = mean;
            stats[1][f] = Math.sqrt(squares / n);
            stats[2][f] = min;
            stats[3][f] = max;
        }
        return stats;
    }

    /** (x - center) / scale per feature, in float64, with scale 1 for the constant feature. */
    private static double[] expected(float[] x, double[] center, double[] scale) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int f = i % FEATURES;
            y[i] = (x[i] - center[f]) / (f == CONSTANT ? 1 : scale[f]);
        }
        return y;
    }

    private void checkScaler(FeatureScaler scaler, double[] center, double[] scale, float[] other) {
        assertArrayEquals(SHAPE, scaler.featureShape());
        double[] expectedScale = scale.clone();
        expectedScale[CONSTANT] = 1;
        assertClose("center", center, scaler.center(), 1e-6, 1e-6);
        assertClose("scale", expectedScale, scaler.scale(), 1e-6, 0);
        int n = other.length / FEATURES;
        try (Tensor batch = Tensors.fromArray(other, n, 2, 3); Tensor y = scaler.apply(batch)) {
            assertArrayEquals(new int[] {n, 2, 3}, y.shape());
            assertClose("scaled batch", expected(other, center, scale), y.toFloatArray(), 1e-5, 1e-5);
        }
        Dataset scaled = dataset(other).transformed(scaler);
        try (Batch batch = scaled.batch(new int[] {n - 1, 0}); Example last = scaled.get(n - 1)) {
            double[] all = expected(other, center, scale);
            double[] rows = new double[2 * FEATURES];
            System.arraycopy(all, (n - 1) * FEATURES, rows, 0, FEATURES);
            System.arraycopy(all, 0, rows, FEATURES, FEATURES);
            assertClose("transformed dataset batch", rows, batch.inputs().toFloatArray(), 1e-5, 1e-5);
            assertClose("transformed dataset example", Arrays.copyOf(rows, FEATURES), last.input().toFloatArray(),
                    1e-5, 1e-5);
        }
    }

    @Test
    void standardisationFitsMeanAndPopulationStdOnTrainAndAppliesThemToOtherData() {
        float[] train = inputs(4100, 1);
        double[][] stats = reference(train);
        checkScaler(FeatureScaler.standardize(dataset(train)), stats[0], stats[1], inputs(37, 2));
    }

    @Test
    void minMaxScalingMapsTheTrainingRangeToZeroOne() {
        float[] train = inputs(4100, 3);
        double[][] stats = reference(train);
        double[] range = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            range[f] = stats[3][f] - stats[2][f];
        }
        checkScaler(FeatureScaler.minMax(dataset(train)), stats[2], range, inputs(37, 4));
    }

    @Test
    void rejectsWhatItCannotFitOrApply() {
        FeatureScaler scaler = FeatureScaler.standardize(dataset(inputs(5, 5)));
        assertRejected(IllegalArgumentException.class, () -> scaler.apply(Tensors.zeros(4, 3, 2)), "[4, 3, 2]", "[2, 3]");
        assertRejected(IllegalArgumentException.class, () -> scaler.apply(Tensors.zeros(3)), "[3]", "[2, 3]");
        float[] withNaN = inputs(5, 6);
        withNaN[3 * FEATURES + 2] = Float.NaN;
        assertRejected(IllegalArgumentException.class, () -> FeatureScaler.minMax(dataset(withNaN)),
                "feature 2", "example 3", "NaN");
        for (float infinite : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            float[] withInfinity = inputs(5, 6);
            withInfinity[4 * FEATURES + 1] = infinite;
            assertRejected(IllegalArgumentException.class, () -> FeatureScaler.standardize(dataset(withInfinity)),
                    "feature 1", "example 4", String.valueOf((double) infinite));
        }
        assertRejected(IllegalArgumentException.class, () -> FeatureScaler.standardize(dataset(new float[0])), "empty");
    }
}
