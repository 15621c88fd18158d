package org.jgrad.ops;

import org.jgrad.Tensor;

/**
 * The elementwise part of one step of a {@link Recurrence}, for one {@link RecurrentMode}. States
 * are stored as slots of (batch, stateWidth) in one (steps + 1, batch, stateWidth) tensor; slot k
 * is the state before step k. Runs with grad mode off.
 */
interface CellPointwise {

    /**
     * Step k: {@code pre} holds the pre-activations of the step's gates (for modes that fold b_hh,
     * input and hidden side summed; for the GRU the hidden side h W_hh^T + b_hh alone, the input side
     * being block k of {@code gx}). Writes state slot k + 1; returns what {@link #backward} needs of
     * this step, or null. May take {@code pre} over as its result, else closes it.
     */
    Tensor forward(Tensor gx, Tensor pre, Tensor states, int k);

    /**
     * Step k's gradient from {@code dNext} (batch, stateWidth), the gradient with respect to slot
     * k + 1: writes block k of {@code dGh} (the hidden-side pre-activations), block k of {@code dGx}
     * when it is another tensor (the GRU), and all of {@code dPrev} except the recurrent product's
     * term dGh_k W_hh, which the caller adds to its h part.
     */
    void backward(Tensor saved, Tensor states, int k, Tensor dNext, Tensor dGh, Tensor dGx, Tensor dPrev);
}
