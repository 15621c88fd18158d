package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;

/** softmax(x) along dim = exp(x - max) / sum(exp(x - max)); backward y * (g - sum(g * y)). */
final class Softmax extends Function {
    private final int dim;

    private Softmax(int dim) {
        this.dim = dim;
    }

    static Tensor apply(Tensor x, int dim) {
        Kernels.requireFloat("softmax", x);
        int d = Shape.normalizeDim("softmax", dim, x.dim());
        Tensor max = Kernels.reduce(ReduceOp.MAX, x, d);
        Tensor shifted = Kernels.binary("softmax", BinaryOp.SUB, x, max);
        Tensor exp = Kernels.unary(UnaryOp.EXP, 0f, shifted);
        Tensor sum = Kernels.reduce(ReduceOp.SUM, exp, d);
        Tensor y = Kernels.binary("softmax", BinaryOp.DIV, exp, sum);
        for (Tensor t : new Tensor[] {max, shifted, exp, sum}) {
            t.close();
        }
        Softmax fn = new Softmax(d);
        fn.save(y);
        return record(fn, y, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {y.mul(g.sub(g.mul(y).sum(dim, true)))};
    }
}
