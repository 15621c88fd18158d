package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * What a recurrent layer returns, as PyTorch's {@code (output, h_n)} or {@code (output, (h_n, c_n))}:
 * the last layer's h at every step (both directions concatenated; zero at padded steps) and the
 * final state (for padded rows, the state at their last valid step).
 */
public record RecurrentOutput(Tensor output, RecurrentState state) {
}
