package org.jgrad.ops;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/** The argument checks of {@link Recurrence}, each naming what it got and what it expected. */
final class RecurrenceShapes {
    private RecurrenceShapes() {
    }

    static void check(RecurrentMode mode, Tensor gx, Tensor weightHh, Tensor biasHh, Tensor initial, boolean[][] valid) {
        String name = "recurrence " + mode;
        for (Tensor t : new Tensor[] {gx, weightHh, biasHh, initial}) {
            if (t != null) {
                Kernels.requireFloat(name, t);
                Kernels.sameBackend(name, gx, t);
            }
        }
        if (weightHh.dim() != 2 || weightHh.size(0) != mode.gates() * weightHh.size(1)) {
            throw new IllegalArgumentException(name + ": weight_hh of shape " + Shape.toString(weightHh.shape())
                    + ", expected (" + mode.gates() + " * hidden, hidden)");
        }
        int hidden = weightHh.size(1);
        int gateWidth = mode.gates() * hidden;
        if (gx.dim() != 3 || gx.size(0) < 1 || gx.size(2) != gateWidth) {
            throw new IllegalArgumentException(name + ": input gates of shape " + Shape.toString(gx.shape())
                    + ", expected (steps >= 1, batch, " + gateWidth + ")");
        }
        if (biasHh != null && (biasHh.dim() != 1 || biasHh.size(0) != gateWidth)) {
            throw new IllegalArgumentException(name + ": bias_hh of shape " + Shape.toString(biasHh.shape())
                    + ", expected (" + gateWidth + ")");
        }
        if (biasHh != null && mode.foldsHiddenBias()) {
            throw new IllegalArgumentException(name + ": b_hh is added with b_ih for this mode; pass null");
        }
        int[] state = {gx.size(1), mode.stateWidth(hidden)};
        if (!java.util.Arrays.equals(initial.shape(), state)) {
            throw new IllegalArgumentException(name + ": initial state of shape " + Shape.toString(initial.shape())
                    + ", expected " + Shape.toString(state));
        }
        if (valid != null && (valid.length != gx.size(0) || valid[0].length != gx.size(1))) {
            throw new IllegalArgumentException(name + ": padding of " + valid.length + " steps x " + valid[0].length
                    + " rows for input gates of shape " + Shape.toString(gx.shape()));
        }
    }
}
