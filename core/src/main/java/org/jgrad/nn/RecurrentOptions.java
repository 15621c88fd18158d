package org.jgrad.nn;

/**
 * The settings of {@link RNN}, {@link LSTM} and {@link GRU}, with PyTorch's defaults: one layer,
 * biases, time-major input (batchFirst false), no dropout, one direction, tanh (RNN only).
 * Fluent: {@code RecurrentOptions.of(32, 64).numLayers(2).bidirectional(true)}.
 */
public final class RecurrentOptions {
    final int inputSize;
    final int hiddenSize;
    int numLayers = 1;
    boolean bias = true;
    boolean batchFirst;
    double dropout;
    boolean bidirectional;
    String nonlinearity = "tanh";

    private RecurrentOptions(int inputSize, int hiddenSize) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("recurrent layer: input_size and hidden_size must be >= 1, got "
                    + inputSize + " and " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    public static RecurrentOptions of(int inputSize, int hiddenSize) {
        return new RecurrentOptions(inputSize, hiddenSize);
    }

    public RecurrentOptions numLayers(int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("recurrent layer: num_layers must be >= 1, got " + layers);
        }
        numLayers = layers;
        return this;
    }

    public RecurrentOptions bias(boolean on) {
        bias = on;
        return this;
    }

    /** Input and output as (batch, steps, features) instead of (steps, batch, features); states keep their layout. */
    public RecurrentOptions batchFirst(boolean on) {
        batchFirst = on;
        return this;
    }

    /** Dropout probability on the outputs of every layer but the last, in training. */
    public RecurrentOptions dropout(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("recurrent layer: dropout must be in [0, 1), got " + p);
        }
        dropout = p;
        return this;
    }

    public RecurrentOptions bidirectional(boolean on) {
        bidirectional = on;
        return this;
    }

    /** "tanh" or "relu"; for {@link RNN} only. */
    public RecurrentOptions nonlinearity(String name) {
        Nonlinearities.mode("RNN", name);
        nonlinearity = name;
        return this;
    }
}
