package org.jgrad.train.metrics;

import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * The coefficient of determination R² = 1 - Σ(y - ŷ)² / Σ(y - ȳ)², named {@code "r2"}, as
 * scikit-learn's {@code r2_score}: per output column for [N, D] batches, then the unweighted mean
 * over columns ({@code "uniform_average"}). A column whose targets are constant scores 1 when
 * predicted exactly and 0 otherwise (scikit-learn's {@code force_finite}); fewer than two samples
 * give NaN.
 *
 * <p>Streaming-correct: each batch contributes its count, its target mean, its centred sum of
 * squares and its residual sum of squares per column (computed on the backend, 3·D numbers read
 * back), merged in float64 with Chan et al.'s pairwise update, so the result is that of all samples
 * at once, without the cancellation of Σy² - n·ȳ².
 */
public final class R2Score implements Metric {
    private long count;
    private double[] mean;
    private double[] centredSquares;
    private double[] residualSquares;

    @Override
    public String name() {
        return "r2";
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        MetricInputs.requireScores("R2Score", predictions);
        MetricInputs.requireSameShape("R2Score", predictions, targets);
        if (predictions.dim() > 2) {
            throw new IllegalArgumentException("R2Score: predictions must be [N] or [N, D], got "
                    + Shape.toString(predictions.shape()));
        }
        int n = predictions.size(0);
        int d = predictions.dim() == 1 ? 1 : predictions.size(1);
        if (mean != null && mean.length != d) {
            throw new IllegalArgumentException("R2Score: this batch has " + d + " outputs per sample, earlier batches had "
                    + mean.length);
        }
        if (n == 0) {
            return;
        }
        float[] batch = batchStatistics(predictions.reshape(n, d), MetricInputs.asFloat(targets).reshape(n, d));
        if (mean == null) {
            mean = new double[d];
            centredSquares = new double[d];
            residualSquares = new double[d];
        }
        long merged = count + n;
        for (int j = 0; j < d; j++) {
            double delta = batch[j] - mean[j];
            mean[j] += delta * n / merged;
            centredSquares[j] += batch[d + j] + delta * delta * ((double) count * n / merged);
            residualSquares[j] += batch[2 * d + j];
        }
        count = merged;
    }

    /** Per column: the target mean, Σ(y - batch mean)², Σ(y - ŷ)², as one [3, D] read. */
    private static float[] batchStatistics(Tensor predictions, Tensor targets) {
        try (NoGrad noGrad = NoGrad.enter(); Scope scope = Scope.open()) {
            Tensor mean = targets.mean(0, true);
            Tensor centred = targets.sub(mean);
            Tensor residual = targets.sub(predictions);
            return Tensors.cat(0, mean, centred.mul(centred).sum(0, true), residual.mul(residual).sum(0, true))
                    .toFloatArray();
        }
    }

    @Override
    public double result() {
        if (count < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < mean.length; j++) {
            if (centredSquares[j] == 0) {
                sum += residualSquares[j] == 0 ? 1 : 0;
            } else {
                sum += 1 - residualSquares[j] / centredSquares[j];
            }
        }
        return sum / mean.length;
    }

    @Override
    public void reset() {
        count = 0;
        mean = null;
        centredSquares = null;
        residualSquares = null;
    }

    @Override
    public String toString() {
        return name() + "=" + result();
    }
}
