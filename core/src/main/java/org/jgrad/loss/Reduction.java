package org.jgrad.loss;

import org.jgrad.Tensor;

/** How a loss turns per-element losses into its result, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The mean (class-weighted losses divide by the sum of the weights of the targets instead). */
    MEAN,
    /** The sum. */
    SUM,
    /** No reduction: one loss per element (per sample for the class losses). */
    NONE;

    /** Reduces {@code losses}, dividing by the element count for MEAN. */
    public Tensor reduce(Tensor losses) {
        return switch (this) {
            case MEAN -> losses.mean();
            case SUM -> losses.sum();
            case NONE -> losses;
        };
    }

    /** Reduces {@code losses}, dividing the sum by {@code denominator} (a scalar) for MEAN. */
    Tensor reduce(Tensor losses, Tensor denominator) {
        return this == MEAN ? losses.sum().div(denominator) : reduce(losses);
    }
}
