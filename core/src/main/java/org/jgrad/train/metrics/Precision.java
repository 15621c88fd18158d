package org.jgrad.train.metrics;

/**
 * Of the samples predicted as a class, the fraction that belong to it: tp / (tp + fp), 0 for a
 * class never predicted. Named {@code "precision"} plus the average's suffix ({@code "precision_macro"}).
 */
public final class Precision extends ClassScore {

    /** Over K classes predicted by the argmax of [N, K] scores. */
    public Precision(int numClasses, Average average) {
        this(ConfusionMatrix.of(numClasses), average);
    }

    /** Over the classes and decision rule of {@code matrix}, which this metric then owns and updates. */
    public Precision(ConfusionMatrix matrix, Average average) {
        super("precision", matrix, average);
    }

    /** Of the positive class, for one score per sample: class 1 when the score is above threshold. */
    public static Precision binary(double threshold) {
        return new Precision(ConfusionMatrix.binary(threshold), Average.BINARY);
    }

    @Override
    protected double score(long truePositives, long predicted, long actual) {
        return ratio(truePositives, predicted);
    }
}
