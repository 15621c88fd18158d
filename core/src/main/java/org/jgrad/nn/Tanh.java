package org.jgrad.nn;

import org.jgrad.Tensor;

/** Elementwise tanh(x), as PyTorch's {@code nn.Tanh}. */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
