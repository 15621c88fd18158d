package org.jgrad.train.metrics;

import org.jgrad.Tensor;

/**
 * The fraction of entries where (prediction &gt; threshold) equals the target, as Keras's
 * {@code BinaryAccuracy} (named {@code "binary_accuracy"}). Predictions and targets have the same
 * shape; targets are 0 or 1. The default threshold 0.5 suits probabilities; for logits (what
 * {@code BCEWithLogitsLoss} takes) use threshold 0.
 */
public final class BinaryAccuracy extends MeanMetric {
    private final float threshold;

    /** Threshold 0.5, for probabilities. */
    public BinaryAccuracy() {
        this(0.5);
    }

    public BinaryAccuracy(double threshold) {
        super("binary_accuracy");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("BinaryAccuracy: threshold must be finite, got " + threshold);
        }
        this.threshold = (float) threshold;
    }

    @Override
    protected Tensor values(Tensor predictions, Tensor targets) {
        MetricInputs.requireScores("BinaryAccuracy", predictions);
        MetricInputs.requireSameShape("BinaryAccuracy", predictions, targets);
        return predictions.gt(threshold).eq(targets);
    }
}
