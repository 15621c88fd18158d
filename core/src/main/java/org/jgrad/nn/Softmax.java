package org.jgrad.nn;

import org.jgrad.Tensor;

/** Softmax along {@code dim}, as PyTorch's {@code nn.Softmax(dim)}; entries along dim sum to 1. */
public class Softmax extends Module {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
