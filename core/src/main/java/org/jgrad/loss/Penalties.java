package org.jgrad.loss;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * Weight penalties to add to a loss, as Keras's regularizers: {@code l2} is lambda * sum(w^2)
 * with no factor 1/2 (its gradient is 2 lambda w, so it equals an optimizer weight decay of
 * 2 lambda), {@code l1} is lambda * sum(|w|). Each returns a scalar tensor on the weights'
 * backend (the default backend when there are no weights), differentiable in every weight.
 */
public final class Penalties {
    private Penalties() {
    }

    /** lambda * sum over all weights of w^2. */
    public static Tensor l2(Iterable<Tensor> weights, float lambda) {
        return penalty("l2", weights, lambda, true);
    }

    /** lambda * sum over all weights of |w|. */
    public static Tensor l1(Iterable<Tensor> weights, float lambda) {
        return penalty("l1", weights, lambda, false);
    }

    private static Tensor penalty(String name, Iterable<Tensor> weights, float lambda, boolean squared) {
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("Penalties." + name + ": lambda must be finite and >= 0, got " + lambda);
        }
        Tensor total = null;
        for (Tensor w : weights) {
            if (w.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException("Penalties." + name + ": weights must be FLOAT32, got " + w.dtype()
                        + " of shape " + Shape.toString(w.shape()));
            }
            Tensor term = (squared ? w.mul(w) : w.abs()).sum();
            total = total == null ? term : total.add(term);
        }
        return total == null ? Tensors.scalar(0f) : total.mul(lambda);
    }
}
