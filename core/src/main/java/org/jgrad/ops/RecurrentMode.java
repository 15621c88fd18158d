package org.jgrad.ops;

/**
 * The cell a recurrent layer runs, as PyTorch's {@code mode}: how many gate blocks of {@code hidden}
 * rows its weights stack (in PyTorch's order) and how wide its carried state is.
 */
public enum RecurrentMode {
    /** h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh). */
    RNN_TANH(1, 1),
    /** h' = relu(x W_ih^T + b_ih + h W_hh^T + b_hh). */
    RNN_RELU(1, 1),
    /** Gates i, f, g, o; the state is [h | c]. */
    LSTM(4, 2),
    /** Gates r, z, n, with n = tanh(x W_in^T + b_in + r (h W_hn^T + b_hn)). */
    GRU(3, 1);

    private final int gates;
    private final int stateParts;

    RecurrentMode(int gates, int stateParts) {
        this.gates = gates;
        this.stateParts = stateParts;
    }

    /** Gate blocks stacked in weight_ih and weight_hh: 1, 4 or 3. */
    public int gates() {
        return gates;
    }

    /** Whether the carried state has a cell part c beside h (LSTM). */
    public boolean hasCell() {
        return stateParts == 2;
    }

    /** Elements of one row of the carried state: hidden, or 2 * hidden for [h | c]. */
    public int stateWidth(int hidden) {
        return stateParts * hidden;
    }

    /**
     * Whether b_hh may be added to the input side once for all steps: true except for the GRU,
     * whose n gate multiplies h W_hn^T + b_hn by r.
     */
    public boolean foldsHiddenBias() {
        return this != GRU;
    }
}
