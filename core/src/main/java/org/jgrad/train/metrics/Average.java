package org.jgrad.train.metrics;

/**
 * How a {@link ClassScore} turns per-class scores into one number, as scikit-learn's
 * {@code average} argument.
 */
public enum Average {
    /** The unweighted mean over the classes that occur among the targets or the predictions. */
    MACRO,
    /** The score of the counts summed over all classes; for single-label data it equals accuracy. */
    MICRO,
    /** The mean over classes weighted by each class's number of true samples (support). */
    WEIGHTED,
    /** The score of class 1 alone (the positive class); only for two classes. */
    BINARY;

    /** The suffix of a metric's name: "" for BINARY, else "_macro", "_micro", "_weighted". */
    String nameSuffix() {
        return this == BINARY ? "" : "_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
