package org.jgrad.train.metrics;

import java.util.Objects;
import org.jgrad.Tensor;

/**
 * A score computed per class from a streaming {@link ConfusionMatrix} (precision, recall, F1) and
 * averaged as {@link Average} says. A score whose denominator is zero (a class never predicted,
 * for precision; never present, for recall) is 0, scikit-learn's default ({@code zero_division}
 * "warn", without the warning).
 */
public abstract class ClassScore implements Metric {
    private final String name;
    private final ConfusionMatrix matrix;
    private final Average average;

    protected ClassScore(String baseName, ConfusionMatrix matrix, Average average) {
        String owner = getClass().getSimpleName();
        this.matrix = Objects.requireNonNull(matrix, owner + ": confusion matrix");
        this.average = Objects.requireNonNull(average, owner + ": average");
        if (average == Average.BINARY && matrix.numClasses() != 2) {
            throw new IllegalArgumentException(owner + ": Average.BINARY needs 2 classes, got " + matrix.numClasses());
        }
        this.name = baseName + average.nameSuffix();
    }

    /** The score of a class from its true positives, its predicted count and its actual count; 0 when undefined. */
    protected abstract double score(long truePositives, long predicted, long actual);

    /** 0 when the denominator is 0 (the zero-division convention). */
    protected static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public final String name() {
        return name;
    }

    public final Average average() {
        return average;
    }

    /** The counts behind this score (read it, do not update it: {@link #update} does). */
    public final ConfusionMatrix confusionMatrix() {
        return matrix;
    }

    @Override
    public final void update(Tensor predictions, Tensor targets) {
        matrix.update(predictions, targets);
    }

    @Override
    public final void reset() {
        matrix.reset();
    }

    /** The score of each class, in class-index order. */
    public final double[] perClass() {
        double[] scores = new double[matrix.numClasses()];
        for (int c = 0; c < scores.length; c++) {
            scores[c] = score(matrix.count(c, c), matrix.predicted(c), matrix.actual(c));
        }
        return scores;
    }

    @Override
    public final double result() {
        long total = matrix.total();
        if (total == 0) {
            return Double.NaN;
        }
        double[] scores = perClass();
        return switch (average) {
            case BINARY -> scores[1];
            case MICRO -> score(truePositives(), total, total);
            case WEIGHTED -> weightedBySupport(scores) / total;
            case MACRO -> meanOverOccurringClasses(scores);
        };
    }

    private long truePositives() {
        long sum = 0;
        for (int c = 0; c < matrix.numClasses(); c++) {
            sum += matrix.count(c, c);
        }
        return sum;
    }

    private double weightedBySupport(double[] scores) {
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            sum += scores[c] * matrix.actual(c);
        }
        return sum;
    }

    /** scikit-learn's macro average with labels=None: classes in neither targets nor predictions are left out. */
    private double meanOverOccurringClasses(double[] scores) {
        double sum = 0;
        int occurring = 0;
        for (int c = 0; c < scores.length; c++) {
            if (matrix.actual(c) > 0 || matrix.predicted(c) > 0) {
                sum += scores[c];
                occurring++;
            }
        }
        return sum / occurring;
    }

    @Override
    public String toString() {
        return name + "=" + result();
    }
}
