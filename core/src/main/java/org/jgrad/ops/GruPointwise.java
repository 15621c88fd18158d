package org.jgrad.ops;

import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * The GRU step as PyTorch computes it: r = sigmoid(x_r + h_r), z = sigmoid(x_z + h_z),
 * n = tanh(x_n + r h_n), h' = (1 - z) n + z h, where x_* are the input side (with b_i*) and h_*
 * the hidden side (with b_h*). Keeps [r | z | n | h_n] per step for backward.
 */
final class GruPointwise implements CellPointwise {
    private final int batch;
    private final int hidden;

    GruPointwise(int batch, int hidden) {
        this.batch = batch;
        this.hidden = hidden;
    }

    @Override
    public Tensor forward(Tensor gx, Tensor gh, Tensor states, int k) {
        try (Scope step = Scope.open()) {
            Tensor x = Steps.block(gx, k, batch, 3 * hidden);
            Tensor h = Steps.block(states, k, batch, hidden);
            Tensor r = part(x, 0).add(part(gh, 0)).sigmoid();
            Tensor z = part(x, 1).add(part(gh, 1)).sigmoid();
            Tensor hn = part(gh, 2);
            Tensor n = part(x, 2).add(r.mul(hn)).tanh();
            Steps.put(n.add(z.mul(h.sub(n))), states, k + 1);
            gh.close();
            return step.keep(Tensors.cat(1, r, z, n, hn));
        }
    }

    @Override
    public void backward(Tensor saved, Tensor states, int k, Tensor dNext, Tensor dGh, Tensor dGx, Tensor dPrev) {
        try (Scope step = Scope.open()) {
            Tensor r = part(saved, 0);
            Tensor z = part(saved, 1);
            Tensor n = part(saved, 2);
            Tensor hn = part(saved, 3);
            Tensor h = Steps.block(states, k, batch, hidden);
            Tensor dnPre = dNext.mul(z.neg().add(1f)).mul(n.mul(n).neg().add(1f));
            Tensor dzPre = dNext.mul(h.sub(n)).mul(z).mul(z.neg().add(1f));
            Tensor drPre = dnPre.mul(hn).mul(r).mul(r.neg().add(1f));
            Steps.put(Tensors.cat(1, drPre, dzPre, dnPre), dGx, k);
            Steps.put(Tensors.cat(1, drPre, dzPre, dnPre.mul(r)), dGh, k);
            Steps.put(dNext.mul(z), dPrev, 0);
        }
    }

    /** Gate block j (hidden columns) of a (batch, gates * hidden) tensor. */
    private Tensor part(Tensor t, int j) {
        return t.narrow(1, j * hidden, hidden);
    }
}
