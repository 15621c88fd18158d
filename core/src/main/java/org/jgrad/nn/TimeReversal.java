package org.jgrad.nn;

import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;

/** Time-axis helpers of the recurrent layers: reversal for the backward direction, and the padding mask. */
final class TimeReversal {
    private TimeReversal() {
    }

    /** x (steps, ...) with its steps in reverse order (differentiable). */
    static Tensor reverse(Tensor x) {
        int steps = x.size(0);
        int[] order = new int[steps];
        for (int t = 0; t < steps; t++) {
            order[t] = steps - 1 - t;
        }
        return x.indexSelect(0, Tensors.fromArray(x.backend(), order, steps));
    }

    /** valid[t][b] with its steps in reverse order; null stays null. */
    static boolean[][] reverse(boolean[][] valid) {
        if (valid == null) {
            return null;
        }
        boolean[][] out = new boolean[valid.length][];
        for (int t = 0; t < valid.length; t++) {
            out[t] = valid[valid.length - 1 - t];
        }
        return out;
    }

    /** A (steps, batch, 1) tensor of 1 at valid steps and 0 at padded ones. */
    static Tensor mask(boolean[][] valid, Backend backend) {
        int steps = valid.length;
        int batch = valid[0].length;
        float[] values = new float[steps * batch];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                values[t * batch + b] = valid[t][b] ? 1f : 0f;
            }
        }
        return Tensors.fromArray(backend, values, steps, batch, 1);
    }
}
