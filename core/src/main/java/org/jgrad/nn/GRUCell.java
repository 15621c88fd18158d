package org.jgrad.nn;

import org.jgrad.ops.RecurrentMode;

/** One GRU step, as PyTorch's {@code nn.GRUCell}: gates r, z, n, with n = tanh(W_in x + b_in + r (W_hn h + b_hn)). */
public class GRUCell extends RecurrentCell {

    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public GRUCell(int inputSize, int hiddenSize, boolean bias) {
        super(RecurrentMode.GRU, inputSize, hiddenSize, bias);
    }
}
