package org.jgrad.train.metrics;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The fraction of samples whose highest score is the target class (Keras's
 * {@code SparseCategoricalAccuracy}, named {@code "accuracy"}). Predictions are logits or
 * probabilities [N, K] with K of at least 2 (the argmax is the same for both); targets are class
 * indices [N] or [N, 1]. For one score per sample use {@link BinaryAccuracy}.
 */
public final class Accuracy extends MeanMetric {

    public Accuracy() {
        super("accuracy");
    }

    @Override
    protected Tensor values(Tensor predictions, Tensor targets) {
        MetricInputs.requireScores("Accuracy", predictions);
        if (predictions.dim() != 2 || predictions.size(1) < 2) {
            throw new IllegalArgumentException("Accuracy: predictions must be scores [N, K] with K >= 2 classes, got "
                    + Shape.toString(predictions.shape()) + " (BinaryAccuracy takes one score per sample)");
        }
        int n = predictions.size(0);
        Tensor truth = MetricInputs.classColumn("Accuracy", targets, n).reshape(n);
        return predictions.argmax(1, false).eq(truth);
    }
}
