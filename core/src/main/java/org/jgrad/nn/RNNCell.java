package org.jgrad.nn;

/** One Elman step, as PyTorch's {@code nn.RNNCell}: h' = tanh or relu(W_ih x + b_ih + W_hh h + b_hh). */
public class RNNCell extends RecurrentCell {

    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, "tanh");
    }

    /** {@code nonlinearity} is "tanh" or "relu". */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        super(Nonlinearities.mode("RNNCell", nonlinearity), inputSize, hiddenSize, bias);
    }
}
