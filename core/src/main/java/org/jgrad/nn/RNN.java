package org.jgrad.nn;

/** Elman recurrent layer, as PyTorch's {@code nn.RNN}: h' = tanh or relu(W_ih x + b_ih + W_hh h + b_hh). */
public class RNN extends RecurrentLayer {

    public RNN(int inputSize, int hiddenSize) {
        this(RecurrentOptions.of(inputSize, hiddenSize));
    }

    public RNN(RecurrentOptions options) {
        super(Nonlinearities.mode("RNN", options.nonlinearity), options);
    }
}
