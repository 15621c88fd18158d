package org.jgrad.train.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jgrad.Tensor;

/**
 * Streaming counts of (true class, predicted class) pairs: {@link #count(int, int)} is the number
 * of samples of class {@code trueClass} predicted as {@code predictedClass}, summed over every
 * batch since the last {@link #reset}. {@link #toString()} prints the table, rows true, columns
 * predicted, with the class labels.
 *
 * <p>Predictions are FLOAT32 scores [N, K] (the predicted class is the argmax), or for a
 * {@linkplain #binary binary} matrix one score per sample [N] or [N, 1] (class 1 when above the
 * threshold), or already INT32 class indices [N]. Targets are class indices [N] or [N, 1]. A target
 * outside 0..K-1 is rejected.
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final double threshold;
    private final long[] counts;

    private ConfusionMatrix(List<String> labels, double threshold) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("ConfusionMatrix: needs at least one class, got none");
        }
        if (new HashSet<>(labels).size() != labels.size() || labels.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("ConfusionMatrix: class labels must be distinct and not null, got " + labels);
        }
        this.labels = List.copyOf(labels);
        this.threshold = threshold;
        this.counts = new long[labels.size() * labels.size()];
    }

    /** K classes labelled "0" to "K-1", predicted by argmax. */
    public static ConfusionMatrix of(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("ConfusionMatrix: numClasses must be >= 1, got " + numClasses);
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            labels.add(Integer.toString(c));
        }
        return new ConfusionMatrix(labels, Double.NaN);
    }

    /** One class per label, in class-index order, predicted by argmax. */
    public static ConfusionMatrix of(String... labels) {
        return new ConfusionMatrix(Arrays.asList(labels), Double.NaN);
    }

    /** Two classes "0" and "1"; a score above threshold predicts 1 (0.5 for probabilities, 0 for logits). */
    public static ConfusionMatrix binary(double threshold) {
        return binary(threshold, "0", "1");
    }

    /** Two classes with the given labels; a score above threshold predicts the positive one (index 1). */
    public static ConfusionMatrix binary(double threshold, String negative, String positive) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("ConfusionMatrix: threshold must be finite, got " + threshold);
        }
        return new ConfusionMatrix(Arrays.asList(negative, positive), threshold);
    }

    /** Adds one batch's counts. */
    public void update(Tensor predictions, Tensor targets) {
        long[] batch = BatchConfusion.count(predictions, targets, numClasses(), threshold);
        for (int i = 0; i < counts.length; i++) {
            counts[i] += batch[i];
        }
    }

    public void reset() {
        Arrays.fill(counts, 0);
    }

    public int numClasses() {
        return labels.size();
    }

    public List<String> labels() {
        return labels;
    }

    /** Samples of class trueClass predicted as predictedClass. */
    public long count(int trueClass, int predictedClass) {
        Objects.checkIndex(trueClass, numClasses());
        Objects.checkIndex(predictedClass, numClasses());
        return counts[trueClass * numClasses() + predictedClass];
    }

    /** Samples whose true class is c (a row sum: the class's support). */
    public long actual(int c) {
        long sum = 0;
        for (int p = 0; p < numClasses(); p++) {
            sum += count(c, p);
        }
        return sum;
    }

    /** Samples predicted as class c (a column sum). */
    public long predicted(int c) {
        long sum = 0;
        for (int t = 0; t < numClasses(); t++) {
            sum += count(t, c);
        }
        return sum;
    }

    /** Every sample counted. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** The table, rows true class, columns predicted class, headed by the labels. */
    @Override
    public String toString() {
        return ConfusionTable.format(labels, this::count);
    }
}
