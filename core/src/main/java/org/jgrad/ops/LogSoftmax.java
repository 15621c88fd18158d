package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
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
        Kernels.requireFloat("logSoftmax", x);
        int d = Shape.normalizeDim("logSoftmax", dim, x.dim());
        Tensor max = Kernels.reduce(ReduceOp.MAX, x, d);
        Tensor shifted = Kernels.binary("logSoftmax", BinaryOp.SUB, x, max);
        Tensor exp = Kernels.unary(UnaryOp.EXP, 0f, shifted);
        Tensor sum = Kernels.reduce(ReduceOp.SUM, exp, d);
        Tensor logSum = Kernels.unary(UnaryOp.LOG, 0f, sum);
        Tensor y = Kernels.binary("logSoftmax", BinaryOp.SUB, shifted, logSum);
        for (Tensor t : new Tensor[] {max, shifted, exp, sum, logSum}) {
            t.close();
        }
        LogSoftmax fn = new LogSoftmax(d);
        fn.save(y);
        return record(fn, y, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {g.sub(y.exp().mul(g.sum(dim, true)))};
    }
}
