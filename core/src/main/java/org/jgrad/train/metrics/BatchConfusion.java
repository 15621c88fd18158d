package org.jgrad.train.metrics;

import org.jgrad.DType;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * One batch's confusion counts, computed on the batch's backend: the one-hot rows of the true and
 * the predicted classes (comparisons against the row 0..K-1) multiplied, transposed times plain,
 * give the K × K counts, which are the only numbers read back.
 */
final class BatchConfusion {
    /** float32 counts the GEMM accumulates are exact up to 2^24. */
    private static final int MAX_BATCH = 1 << 24;

    private BatchConfusion() {
    }

    /**
     * counts[t * k + p] = the number of samples of true class t predicted as p. threshold is NaN
     * for the argmax of [N, k] scores, else the cut for one score per sample (k = 2).
     */
    static long[] count(Tensor predictions, Tensor targets, int k, double threshold) {
        try (NoGrad noGrad = NoGrad.enter(); Scope scope = Scope.open()) {
            Tensor predicted = predictedColumn(predictions, k, threshold);
            int n = predicted.size(0);
            if (n >= MAX_BATCH) {
                throw new IllegalArgumentException("ConfusionMatrix: a batch of " + n
                        + " samples is too large; split it into batches below " + MAX_BATCH);
            }
            Tensor truth = MetricInputs.classColumn("ConfusionMatrix", targets, n);
            float[] classIndices = new float[k];
            for (int c = 0; c < k; c++) {
                classIndices[c] = c;
            }
            Tensor classes = Tensors.fromArray(predictions.backend(), classIndices, 1, k);
            Tensor counts = truth.eq(classes).transpose(0, 1).matmul(predicted.eq(classes));
            long[] result = new long[k * k];
            long total = 0;
            float[] values = counts.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                result[i] = (long) values[i];
                total += result[i];
            }
            if (total != n) {
                throw new IllegalArgumentException("ConfusionMatrix: " + (n - total) + " of the batch's " + n
                        + " samples have a target (or an INT32 predicted class) that is not a class index in 0.."
                        + (k - 1));
            }
            return result;
        }
    }

    /** The predicted class of each sample as an [N, 1] column (INT32 from argmax, or 0/1 FLOAT32). */
    private static Tensor predictedColumn(Tensor predictions, int k, double threshold) {
        java.util.Objects.requireNonNull(predictions, "ConfusionMatrix: predictions");
        int[] s = predictions.shape();
        if (predictions.dtype() == DType.INT32 && s.length == 1) {
            return predictions.reshape(s[0], 1);
        }
        boolean scores = predictions.dtype() == DType.FLOAT32;
        if (scores && Double.isNaN(threshold) && s.length == 2 && s[1] == k) {
            return predictions.argmax(1, true);
        }
        if (scores && !Double.isNaN(threshold) && (s.length == 1 || s.length == 2 && s[1] == 1)) {
            return predictions.reshape(s[0], 1).gt((float) threshold);
        }
        String expected = Double.isNaN(threshold) ? "FLOAT32 scores [N, " + k + "]" : "FLOAT32 scores [N] or [N, 1]";
        throw new IllegalArgumentException("ConfusionMatrix: predictions must be " + expected
                + " or INT32 class indices [N], got " + predictions.dtype() + " " + Shape.toString(s));
    }
}
