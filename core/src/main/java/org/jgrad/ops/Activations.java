package org.jgrad.ops;

import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Distribution;

/** Activations beyond the plain unary functions: softmax, log-softmax, dropout. */
final class Activations {
    private Activations() {
    }

    static Tensor softmax(Tensor x, int dim) {
        return ZeroDim.applies("softmax", x, dim) ? ZeroDim.along(x, v -> Softmax.apply(v, 0)) : Softmax.apply(x, dim);
    }

    static Tensor logSoftmax(Tensor x, int dim) {
        return ZeroDim.applies("logSoftmax", x, dim) ? ZeroDim.along(x, v -> LogSoftmax.apply(v, 0))
                : LogSoftmax.apply(x, dim);
    }

    /**
     * Inverted dropout: keeps each element with probability 1 - p, scaled by 1 / (1 - p), so the
     * expectation is unchanged. The mask comes from the generator's Philox stream. p = 1 zeroes
     * everything (and the gradient), as PyTorch.
     */
    static Tensor dropout(Tensor x, float p, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: probability must be in [0, 1], got " + p);
        }
        if (p == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(0f);
        }
        Tensor uniform = Tensors.random(x.backend(), Distribution.UNIFORM, 0f, 1f, generator, x.shape());
        Tensor keep = uniform.ge(Tensors.scalarLike(x, p)).mul(1f / (1f - p));
        uniform.close();
        return x.mul(keep);
    }
}
