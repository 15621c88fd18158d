package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.Tensor;

/** The LSTM step on the backend's fused {@code lstmCellForward/Backward}; keeps the activated gates. */
final class LstmPointwise implements CellPointwise {
    private final int batch;
    private final int hidden;

    LstmPointwise(int batch, int hidden) {
        this.batch = batch;
        this.hidden = hidden;
    }

    @Override
    public Tensor forward(Tensor gx, Tensor pre, Tensor states, int k) {
        int slot = batch * 2 * hidden;
        pre.backend().lstmCellForward(batch, hidden, buffer(pre), buffer(states), k * slot, (k + 1) * slot);
        return pre;
    }

    @Override
    public void backward(Tensor gates, Tensor states, int k, Tensor dNext, Tensor dGh, Tensor dGx, Tensor dPrev) {
        int slot = batch * 2 * hidden;
        gates.backend().lstmCellBackward(batch, hidden, buffer(gates), buffer(states), k * slot, (k + 1) * slot,
                buffer(dNext), buffer(dGh), k * batch * 4 * hidden, buffer(dPrev));
    }
}
