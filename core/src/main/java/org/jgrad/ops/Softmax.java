package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** softmax(x) along dim = exp(x - max) / sum(exp(x - max)); backward y * (g - sum(g * y)). */
final class Softmax extends Function {
    private final int dim;

    private Softmax(int dim) {
        this.dim = dim;
    }

    static Tensor apply(Tensor x, int dim) {
        try (StableExp parts = StableExp.of("softmax", x, dim)) {
            Tensor y = Kernels.binary("softmax", BinaryOp.DIV, parts.exp(), parts.sum());
            Softmax fn = new Softmax(parts.dim());
            fn.save(y);
            return record(fn, y, x);
        }
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {y.mul(g.sub(g.mul(y).sum(dim, true)))};
    }
}
