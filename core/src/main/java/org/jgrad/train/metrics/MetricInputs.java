package org.jgrad.train.metrics;

import java.util.Objects;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** Checks of what a metric is given, failing with messages that name the metric and the shapes. */
final class MetricInputs {
    private MetricInputs() {
    }

    /** Fails unless predictions is FLOAT32 with at least one dimension. */
    static void requireScores(String metric, Tensor predictions) {
        Objects.requireNonNull(predictions, metric + ": predictions");
        if (predictions.dtype() != DType.FLOAT32 || predictions.dim() == 0) {
            throw new IllegalArgumentException(metric + ": predictions must be a FLOAT32 batch, got " + describe(predictions));
        }
    }

    /** Fails unless targets has the shape of predictions. */
    static void requireSameShape(String metric, Tensor predictions, Tensor targets) {
        Objects.requireNonNull(targets, metric + ": targets");
        if (!java.util.Arrays.equals(predictions.shape(), targets.shape())) {
            throw new IllegalArgumentException(metric + ": predictions " + Shape.toString(predictions.shape())
                    + " and targets " + Shape.toString(targets.shape()) + " must have the same shape");
        }
    }

    /**
     * The class-index targets of a batch of n samples as an [n, 1] column; targets must be [n] or
     * [n, 1], INT32 or FLOAT32 holding whole numbers.
     */
    static Tensor classColumn(String metric, Tensor targets, int n) {
        Objects.requireNonNull(targets, metric + ": targets");
        int[] s = targets.shape();
        boolean column = s.length == 1 && s[0] == n || s.length == 2 && s[0] == n && s[1] == 1;
        if (!column) {
            throw new IllegalArgumentException(metric + ": targets must be class indices of shape [" + n + "] or ["
                    + n + ", 1] for a batch of " + n + ", got " + describe(targets));
        }
        return targets.reshape(n, 1);
    }

    /** targets as FLOAT32 (a converted copy when INT32). */
    static Tensor asFloat(Tensor targets) {
        return targets.dtype() == DType.FLOAT32 ? targets : targets.toType(DType.FLOAT32);
    }

    static String describe(Tensor t) {
        return t.dtype() + " " + Shape.toString(t.shape());
    }
}
