package org.jgrad.train.metrics;

/**
 * The harmonic mean of precision and recall, 2·tp / (2·tp + fp + fn), 0 for a class neither
 * present nor predicted. Named {@code "f1"} plus the average's suffix ({@code "f1_macro"}). The
 * macro F1 is the mean of per-class F1 scores (scikit-learn's), not the F1 of macro precision and
 * macro recall.
 */
public final class F1Score extends ClassScore {

    /** Over K classes predicted by the argmax of [N, K] scores. */
    public F1Score(int numClasses, Average average) {
        this(ConfusionMatrix.of(numClasses), average);
    }

    /** Over the classes and decision rule of {@code matrix}, which this metric then owns and updates. */
    public F1Score(ConfusionMatrix matrix, Average average) {
        super("f1", matrix, average);
    }

    /** Of the positive class, for one score per sample: class 1 when the score is above threshold. */
    public static F1Score binary(double threshold) {
        return new F1Score(ConfusionMatrix.binary(threshold), Average.BINARY);
    }

    @Override
    protected double score(long truePositives, long predicted, long actual) {
        return ratio(2 * truePositives, predicted + actual);
    }
}
