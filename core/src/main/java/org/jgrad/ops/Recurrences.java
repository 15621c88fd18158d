package org.jgrad.ops;

import org.jgrad.Tensor;

/** Entry point of the recurrent layers to {@link Recurrence}, the whole-sequence cell op. */
public final class Recurrences {
    private Recurrences() {
    }

    /**
     * Runs {@code mode}'s cell over a sequence and returns every state, (steps + 1, batch, width),
     * slot 0 being {@code initial}; differentiable in gx, W_hh, b_hh and the initial state.
     *
     * @param gx the input side of every step, (steps, batch, gates * hidden): x W_ih^T + b_ih, plus
     *     b_hh where {@link RecurrentMode#foldsHiddenBias()}
     * @param weightHh (gates * hidden, hidden), PyTorch's weight_hh layout
     * @param biasHh (gates * hidden) for the GRU, else null (folded into gx)
     * @param initial (batch, width): h, or [h | c] for the LSTM
     * @param valid null, or [steps][batch] with false where a row is padding at that step: its
     *     state is carried unchanged and it receives no gradient
     */
    public static Tensor run(RecurrentMode mode, Tensor gx, Tensor weightHh, Tensor biasHh, Tensor initial,
                             boolean[][] valid) {
        return Recurrence.apply(mode, gx, weightHh, biasHh, initial, valid);
    }
}
