package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/**
 * Elementwise maximum or minimum. The gradient goes to the input that won; on ties it is split
 * evenly between both, as PyTorch does.
 */
final class Extremum extends Function {
    private final BinaryOp op;

    private Extremum(BinaryOp op) {
        this.op = op;
    }

    static Tensor apply(BinaryOp op, Tensor a, Tensor b) {
        Extremum fn = new Extremum(op);
        Tensor out = Kernels.binary(op == BinaryOp.MAXIMUM ? "maximum" : "minimum", op, a, b);
        fn.save(a, b);
        return record(fn, out, a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        Tensor aWins = op == BinaryOp.MAXIMUM ? a.gt(b) : a.lt(b);
        Tensor aShare = aWins.add(a.eq(b).mul(0.5f));
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(g.mul(aShare), a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(g.mul(aShare.neg().add(1f)), b.shape()) : null,
        };
    }
}
