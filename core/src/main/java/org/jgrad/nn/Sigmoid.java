package org.jgrad.nn;

import org.jgrad.Tensor;

/** Elementwise 1 / (1 + exp(-x)), as PyTorch's {@code nn.Sigmoid}. */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
