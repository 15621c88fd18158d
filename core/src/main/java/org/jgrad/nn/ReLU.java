package org.jgrad.nn;

import org.jgrad.Tensor;

/** Elementwise max(0, x), as PyTorch's {@code nn.ReLU}. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
