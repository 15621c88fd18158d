package org.jgrad.ops;

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
        pre.backend().lstmCellForward(batch, hidden, pre.buffer(), states.buffer(), k * slot, (k + 1) * slot);
        return pre;
    }

    @Override
    public void backward(Tensor gates, Tensor states, int k, Tensor dNext, Tensor dGh, Tensor dGx, Tensor dPrev) {
        int slot = batch * 2 * hidden;
        gates.backend().lstmCellBackward(batch, hidden, gates.buffer(), states.buffer(), k * slot, (k + 1) * slot,
                dNext.buffer(), dGh.buffer(), k * batch * 4 * hidden, dPrev.buffer());
    }
}
