package org.jgrad.nn;

import org.jgrad.ops.RecurrentMode;

/** One LSTM step, as PyTorch's {@code nn.LSTMCell}: gates i, f, g, o; the state is (h, c). */
public class LSTMCell extends RecurrentCell {

    public LSTMCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public LSTMCell(int inputSize, int hiddenSize, boolean bias) {
        super(RecurrentMode.LSTM, inputSize, hiddenSize, bias);
    }
}
