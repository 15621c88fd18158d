package org.jgrad.data;

import java.util.Arrays;
import org.jgrad.Shape;

/**
 * Per-feature count, mean, variance (population, divisor n), minimum and maximum of a dataset's
 * inputs, accumulated in float64 by Welford's method over batches of at most {@link #CHUNK}
 * examples. A feature is one element of the input shape.
 */
final class FeatureStats {
    static final int CHUNK = 4096;

    final int[] featureShape;
    final double[] mean;
    final double[] m2;
    final double[] min;
    final double[] max;
    private long count;

    private FeatureStats(int[] featureShape) {
        int n = Shape.numel(featureShape);
        this.featureShape = featureShape;
        this.mean = new double[n];
        this.m2 = new double[n];
        this.min = new double[n];
        this.max = new double[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Statistics of every input of {@code dataset}; fails on an empty dataset or a NaN or infinite input. */
    static FeatureStats of(Dataset dataset, String who) {
        if (dataset.size() == 0) {
            throw new IllegalArgumentException(who + ": cannot fit on an empty dataset");
        }
        FeatureStats stats = null;
        for (int start = 0; start < dataset.size(); start += CHUNK) {
            int[] indices = new int[Math.min(CHUNK, dataset.size() - start)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            try (Batch batch = dataset.batch(indices)) {
                int[] shape = batch.inputs().shape();
                if (stats == null) {
                    stats = new FeatureStats(Arrays.copyOfRange(shape, 1, shape.length));
                }
                stats.add(batch.inputs().toFloatArray(), start, who);
            }
        }
        return stats;
    }

    private void add(float[] rows, int firstExample, String who) {
        int features = mean.length;
        for (int r = 0; r * features < rows.length; r++) {
            count++;
            for (int f = 0; f < features; f++) {
                double x = rows[r * features + f];
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException(who + ": feature " + f + " of example " + (firstExample + r)
                            + " is " + x + "; scaling needs finite values");
                }
                double delta = x - mean[f];
                mean[f] += delta / count;
                m2[f] += delta * (x - mean[f]);
                min[f] = Math.min(min[f], x);
                max[f] = Math.max(max[f], x);
            }
        }
    }

    /** Population standard deviation of feature f. */
    double std(int f) {
        return Math.sqrt(m2[f] / count);
    }
}
