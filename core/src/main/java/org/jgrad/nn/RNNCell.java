package org.jgrad.nn;

import org.jgrad.ops.RecurrentMode;

/** One Elman step, as PyTorch's {@code nn.RNNCell}: h' = tanh or relu(W_ih x + b_ih + W_hh h + b_hh). */
public class RNNCell extends RecurrentCell {

    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, "tanh");
    }

    /** {@code nonlinearity} is "tanh" or "relu". */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        super(cellMode(nonlinearity), inputSize, hiddenSize, bias);
    }

    private static RecurrentMode cellMode(String nonlinearity) {
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu")) {
            throw new IllegalArgumentException("RNNCell: nonlinearity must be \"tanh\" or \"relu\", got \"" + nonlinearity + "\"");
        }
        return Nonlinearities.mode(nonlinearity);
    }
}
