package org.jgrad.nn;

import org.jgrad.ops.RecurrentMode;

/**
 * Long short-term memory, as PyTorch's {@code nn.LSTM}: gates i, f, g, o stacked in that order in
 * weight_ih_l{k} (4 * hidden, in) and weight_hh_l{k} (4 * hidden, hidden); c' = f c + i g,
 * h' = o tanh(c'). {@link #forward(org.jgrad.Tensor, RecurrentState, Padding)} returns (output,
 * (h_n, c_n)). No proj_size.
 */
public class LSTM extends RecurrentLayer {

    public LSTM(int inputSize, int hiddenSize) {
        this(RecurrentOptions.of(inputSize, hiddenSize));
    }

    public LSTM(RecurrentOptions options) {
        super(RecurrentMode.LSTM, Nonlinearities.tanhOnly("LSTM", options));
    }
}
