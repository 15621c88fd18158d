package org.jgrad.loss;

import org.jgrad.Tensor;

/**
 * A loss function: compares a model's output with the target and returns a tensor to call
 * {@link Tensor#backward()} on (a scalar unless the reduction is {@link Reduction#NONE}).
 * Argument order follows PyTorch: prediction (logits, log-probabilities...) first, target second.
 */
@FunctionalInterface
public interface Loss {
    Tensor apply(Tensor input, Tensor target);
}
