package org.jgrad.data;

import org.jgrad.Tensor;

/**
 * A function on inputs, applied to one example's input or to a batch of them (a leading batch
 * dimension), such as {@link FeatureScaler}. Attach one with {@link Dataset#transformed}.
 */
@FunctionalInterface
public interface Transform {

    /** The transformed input, a new tensor (or {@code input} itself for no change); {@code input} is not closed. */
    Tensor apply(Tensor input);
}
