package org.jgrad.train.metrics;

import org.jgrad.Tensor;

/**
 * A streaming metric, as in Keras: {@link #update} once per batch, {@link #result} for the value
 * over every batch since the last {@link #reset}. Updates compute on the tensors' backend and read
 * back only a few numbers per batch; they record no autograd graph and free what they make.
 */
public interface Metric {

    /** Short name, used as a {@code History} column: {@code "accuracy"}, {@code "f1_macro"}, {@code "mse"}. */
    String name();

    /** Adds one batch: the model's {@code predictions} and the {@code targets} they are scored against. */
    void update(Tensor predictions, Tensor targets);

    /** The value over every sample added since the last reset; NaN before any sample was added. */
    double result();

    /** Forgets every batch, as at the start of an epoch. */
    void reset();
}
