package org.jgrad.backend;

/**
 * The extent of an LSTM layer's recurrence for {@link Backend#lstmSequenceForward} and
 * {@link Backend#lstmSequenceBackward}: {@code steps} time steps of {@code batch} rows, hidden size
 * {@code hidden}. {@code valid} is null (every row runs every step) or [steps][batch], false where
 * a row is padding at a step: that row keeps its state there and receives no gradient.
 */
public record LstmSequence(int steps, int batch, int hidden, boolean[][] valid) {

    public LstmSequence {
        if (steps < 1 || batch < 1 || hidden < 1) {
            throw new IllegalArgumentException("lstm sequence: steps, batch and hidden must be at least 1, got steps=" + steps
                    + " batch=" + batch + " hidden=" + hidden);
        }
        if (valid != null && (valid.length != steps || valid[0].length != batch)) {
            throw new IllegalArgumentException("lstm sequence: padding of " + valid.length + " steps x " + valid[0].length
                    + " rows for " + steps + " steps x " + batch + " rows");
        }
    }

    /** Elements of one gate block row: 4 * hidden (i, f, g, o). */
    public int gateWidth() {
        return 4 * hidden;
    }

    /** Elements of one state row [h | c]: 2 * hidden. */
    public int stateWidth() {
        return 2 * hidden;
    }

    /** Whether row {@code row} is padding at step {@code step}. */
    public boolean padded(int step, int row) {
        return valid != null && !valid[step][row];
    }

    /** Step k's h W_hh^T added into its gates: h from state slot k, W_hh (4 hidden, hidden) as stored. */
    public GemmShape forwardProduct(int k) {
        return new GemmShape(1, batch, gateWidth(), hidden, false, true, 1f, 1f,
                k * batch * stateWidth(), stateWidth(), 0, 0, hidden, 0, k * batch * gateWidth(), gateWidth(), 0);
    }

    /** Step k's dG_k W_hh added to the h part of a (batch, 2 hidden) gradient: dG from block k of the gate gradients. */
    public GemmShape backwardProduct(int k) {
        return new GemmShape(1, batch, hidden, gateWidth(), false, false, 1f, 1f,
                k * batch * gateWidth(), gateWidth(), 0, 0, hidden, 0, 0, stateWidth(), 0);
    }
}
