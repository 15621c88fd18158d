package org.jgrad.train.metrics;

/**
 * Of the samples of a class, the fraction predicted as it: tp / (tp + fn), 0 for a class with no
 * samples. Named {@code "recall"} plus the average's suffix ({@code "recall_macro"}).
 */
public final class Recall extends ClassScore {

    /** Over K classes predicted by the argmax of [N, K] scores. */
    public Recall(int numClasses, Average average) {
        this(ConfusionMatrix.of(numClasses), average);
    }

    /** Over the classes and decision rule of {@code matrix}, which this metric then owns and updates. */
    public Recall(ConfusionMatrix matrix, Average average) {
        super("recall", matrix, average);
    }

    /** Of the positive class, for one score per sample: class 1 when the score is above threshold. */
    public static Recall binary(double threshold) {
        return new Recall(ConfusionMatrix.binary(threshold), Average.BINARY);
    }

    @Override
    protected double score(long truePositives, long predicted, long actual) {
        return ratio(truePositives, actual);
    }
}
