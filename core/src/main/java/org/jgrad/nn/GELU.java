package org.jgrad.nn;

import org.jgrad.Tensor;

/** Elementwise x * Phi(x), the exact (erf) form, as PyTorch's {@code nn.GELU}. */
public class GELU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.gelu();
    }
}
