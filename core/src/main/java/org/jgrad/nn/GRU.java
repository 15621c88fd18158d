package org.jgrad.nn;

import org.jgrad.ops.RecurrentMode;

/**
 * Gated recurrent unit, as PyTorch's {@code nn.GRU}: gates r, z, n stacked in that order;
 * n = tanh(W_in x + b_in + r (W_hn h + b_hn)), h' = (1 - z) n + z h.
 */
public class GRU extends RecurrentLayer {

    public GRU(int inputSize, int hiddenSize) {
        this(RecurrentOptions.of(inputSize, hiddenSize));
    }

    public GRU(RecurrentOptions options) {
        super(RecurrentMode.GRU, Nonlinearities.tanhOnly("GRU", options));
    }
}
