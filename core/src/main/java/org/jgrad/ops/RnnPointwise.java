package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** The Elman step h' = tanh(pre) or relu(pre); backward reads h' back from the states. */
final class RnnPointwise implements CellPointwise {
    private final RecurrentMode mode;
    private final int batch;
    private final int hidden;

    RnnPointwise(RecurrentMode mode, int batch, int hidden) {
        this.mode = mode;
        this.batch = batch;
        this.hidden = hidden;
    }

    @Override
    public Tensor forward(Tensor gx, Tensor pre, Tensor states, int k) {
        try (Scope step = Scope.open()) {
            Tensor next = Kernels.unary(mode == RecurrentMode.RNN_TANH ? UnaryOp.TANH : UnaryOp.RELU, 0f, pre);
            Steps.put(next, states, k + 1);
            pre.close();
        }
        return null;
    }

    @Override
    public void backward(Tensor saved, Tensor states, int k, Tensor dNext, Tensor dGh, Tensor dGx, Tensor dPrev) {
        try (Scope step = Scope.open()) {
            Tensor next = Steps.block(states, k + 1, batch, hidden);
            Tensor slope = mode == RecurrentMode.RNN_TANH ? next.mul(next).neg().add(1f) : next.gt(0f);
            Steps.put(dNext.mul(slope), dGh, k);
            dPrev.backend().fill(buffer(dPrev), 0f);
        }
    }
}
