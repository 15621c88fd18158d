package org.jgrad.cpu;

import org.jgrad.backend.UnaryOp;

/**
 * The LSTM cell's pointwise step over a range of rows, forward and backward, in one pass per row
 * instead of the dozen primitives and temporaries of the composed default: the rows of one thread
 * in {@link LstmSequenceRows}. The transcendentals run through the unary kernels (Vector API when
 * on), in place on the row's own ranges. Gates are rows of 4 * hidden (i, f, g, o) from
 * {@code gatesOffset}; states, and the gradients {@code dNext} and {@code dPrev}, rows [h | c] of
 * 2 * hidden, indexed by the same row numbers.
 */
final class LstmCell {
    private LstmCell() {
    }

    /** Activates the gates of rows [from, to) in place and writes c' = f c + i g, h' = o tanh(c') from slot prev to slot next. */
    static void forwardRows(int from, int to, int hidden, float[] gates, int gatesOffset, float[] states, int prev, int next) {
        for (int row = from; row < to; row++) {
            int g = gatesOffset + row * 4 * hidden;
            int p = prev + row * 2 * hidden;
            int n = next + row * 2 * hidden;
            unary(UnaryOp.SIGMOID, gates, g, g + 2 * hidden);
            unary(UnaryOp.TANH, gates, g + 2 * hidden, g + 3 * hidden);
            unary(UnaryOp.SIGMOID, gates, g + 3 * hidden, g + 4 * hidden);
            for (int j = 0; j < hidden; j++) {
                float c = gates[g + hidden + j] * states[p + hidden + j] + gates[g + j] * gates[g + 2 * hidden + j];
                states[n + hidden + j] = c;
                states[n + j] = c;
            }
            unary(UnaryOp.TANH, states, n, n + hidden);
            for (int j = 0; j < hidden; j++) {
                states[n + j] *= gates[g + 3 * hidden + j];
            }
        }
    }

    /**
     * From dNext, the gradient with respect to slot next's rows, writes the gradient with respect to
     * the pre-activations into dGates at the gates' own offset, and [0 | dL/dc] into dPrev: the
     * previous h's gradient comes from the recurrent GEMM, which the caller adds.
     */
    static void backwardRows(int from, int to, int hidden, float[] gates, int gatesOffset, float[] states, int prev, int next,
                             float[] dNext, float[] dGates, float[] dPrev) {
        for (int row = from; row < to; row++) {
            int g = gatesOffset + row * 4 * hidden;
            int p = prev + row * 2 * hidden;
            int n = next + row * 2 * hidden;
            int s = row * 2 * hidden;
            // tanh(c') goes to dPrev's h part, free until it is zeroed below.
            System.arraycopy(states, n + hidden, dPrev, s, hidden);
            unary(UnaryOp.TANH, dPrev, s, s + hidden);
            for (int j = 0; j < hidden; j++) {
                float i = gates[g + j];
                float f = gates[g + hidden + j];
                float gg = gates[g + 2 * hidden + j];
                float o = gates[g + 3 * hidden + j];
                float t = dPrev[s + j];
                float dh = dNext[s + j];
                float dc = dNext[s + hidden + j] + dh * o * (1 - t * t);
                dGates[g + j] = dc * gg * i * (1 - i);
                dGates[g + hidden + j] = dc * states[p + hidden + j] * f * (1 - f);
                dGates[g + 2 * hidden + j] = dc * i * (1 - gg * gg);
                dGates[g + 3 * hidden + j] = dh * t * o * (1 - o);
                dPrev[s + hidden + j] = dc * f;
            }
            java.util.Arrays.fill(dPrev, s, s + hidden, 0f);
        }
    }

    /** x[i] = op(x[i]) over [from, to), on the Vector API path when it is on. */
    private static void unary(UnaryOp op, float[] x, int from, int to) {
        if (VectorSupport.enabled()) {
            VectorUnary.apply(op, 0f, x, x, from, to);
        } else {
            ScalarUnary.apply(op, 0f, x, x, from, to);
        }
    }
}
