package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/**
 * log softmax along dim = (x - max) - log(sum(exp(x - max))), finite for any finite logits;
 * backward g - exp(y) * sum(g).
 */
final class LogSoftmax extends Function {
    private final int dim;

    private LogSoftmax(int dim) {
        this.dim = dim;
    }

    static Tensor apply(Tensor x, int dim) {
        try (StableExp parts = StableExp.of("logSoftmax", x, dim)) {
            Tensor logSum = Kernels.unary(UnaryOp.LOG, 0f, parts.sum());
            Tensor y = Kernels.binary("logSoftmax", BinaryOp.SUB, parts.shifted(), logSum);
            logSum.close();
            LogSoftmax fn = new LogSoftmax(parts.dim());
            fn.save(y);
            return record(fn, y, x);
        }
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {g.sub(y.exp().mul(g.sum(dim, true)))};
    }
}
