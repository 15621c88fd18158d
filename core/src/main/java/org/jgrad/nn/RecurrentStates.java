package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.ops.RecurrentMode;

/**
 * Converts between the user's {@link RecurrentState} (h and c, each (rows, batch, hidden), PyTorch's
 * h_0 / h_n layout; (rows, hidden) unbatched) and the per-row states a recurrence carries ((batch,
 * hidden), or (batch, 2 * hidden) = [h | c] for the LSTM), checking the shapes.
 */
final class RecurrentStates {
    private final String layer;
    private final RecurrentMode mode;
    private final int rows;
    private final int batch;
    private final int hidden;
    private final boolean batched;

    RecurrentStates(String layer, RecurrentMode mode, int rows, int batch, int hidden, boolean batched) {
        this.layer = layer;
        this.mode = mode;
        this.rows = rows;
        this.batch = batch;
        this.hidden = hidden;
        this.batched = batched;
    }

    /** The initial state of each layer and direction, zeros where {@code initial} is null. */
    Tensor[] initialRows(RecurrentState initial, Backend backend) {
        Tensor[] out = new Tensor[rows];
        if (initial == null) {
            for (int i = 0; i < rows; i++) {
                out[i] = Tensors.zeros(backend, DType.FLOAT32, batch, mode.stateWidth(hidden));
            }
            return out;
        }
        Tensor h = checked("h0", initial.h());
        Tensor c = mode.hasCell() ? checked("c0", initial.c()) : null;
        if (!mode.hasCell() && initial.c() != null) {
            throw new IllegalArgumentException(layer + ": has no cell state, but c0 was given");
        }
        for (int i = 0; i < rows; i++) {
            Tensor hRow = h.narrow(0, i, 1).reshape(batch, hidden);
            out[i] = c == null ? hRow : Tensors.cat(1, hRow, c.narrow(0, i, 1).reshape(batch, hidden));
        }
        return out;
    }

    /** h_n (and c_n) from each row's final carried state (1, batch, width). */
    RecurrentState finalState(Tensor[] finals) {
        Tensor all = Tensors.cat(0, finals);
        Tensor h = shaped(all.narrow(2, 0, hidden));
        return new RecurrentState(h, mode.hasCell() ? shaped(all.narrow(2, hidden, hidden)) : null);
    }

    private Tensor shaped(Tensor state) {
        return batched ? state : state.squeeze(1);
    }

    private Tensor checked(String name, Tensor state) {
        int[] expected = batched ? new int[] {rows, batch, hidden} : new int[] {rows, hidden};
        if (state == null || !Arrays.equals(state.shape(), expected)) {
            throw new IllegalArgumentException(layer + ": initial state " + name + " of shape "
                    + (state == null ? "(missing)" : Shape.toString(state.shape())) + ", expected " + Shape.toString(expected)
                    + " (num_layers * num_directions, " + (batched ? "batch, " : "") + "hidden_size)");
        }
        return state;
    }
}
