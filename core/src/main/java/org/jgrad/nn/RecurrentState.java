package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * The carried state of a recurrent layer or cell: h, and c for the LSTM (null otherwise). For a
 * layer each is (num_layers * num_directions, batch, hidden_size), PyTorch's h_n / c_n layout,
 * without the batch dimension for unbatched input; for a cell, (batch, hidden_size).
 */
public record RecurrentState(Tensor h, Tensor c) {

    /** A state without a cell part (RNN, GRU). */
    public static RecurrentState of(Tensor h) {
        return new RecurrentState(h, null);
    }

    /** The same values cut from the graph, for truncated backpropagation through time. */
    public RecurrentState detach() {
        return new RecurrentState(h.detach(), c == null ? null : c.detach());
    }
}
