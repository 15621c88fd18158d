package org.jgrad.ops;

import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@link Tensor}'s activation functions (see {@link TensorArithmetic} for why this class exists). */
public abstract class TensorActivations extends TensorArithmetic {
    public Tensor relu() {
        return unary(UnaryOp.RELU);
    }

    public Tensor leakyRelu(float negativeSlope) {
        return Pointwise.apply(UnaryOp.LEAKY_RELU, negativeSlope, self());
    }

    public Tensor sigmoid() {
        return unary(UnaryOp.SIGMOID);
    }

    public Tensor tanh() {
        return unary(UnaryOp.TANH);
    }

    /** GELU, exact (erf) form. */
    public Tensor gelu() {
        return unary(UnaryOp.GELU);
    }

    /** Softmax along {@code dim}, computed stably (max subtracted). */
    public Tensor softmax(int dim) {
        return Activations.softmax(self(), dim);
    }

    /** log(softmax) along {@code dim}, computed stably as x - max - log(sum(exp(x - max))). */
    public Tensor logSoftmax(int dim) {
        return Activations.logSoftmax(self(), dim);
    }

    /** Zeroes each element with probability p and scales the rest by 1/(1-p) (inverted dropout). */
    public Tensor dropout(float p, Generator generator) {
        return Activations.dropout(self(), p, generator);
    }
}
