package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** a * b. */
final class Mul extends Function {
    static Tensor apply(Tensor a, Tensor b) {
        Mul fn = new Mul();
        Tensor out = Kernels.binary("mul", BinaryOp.MUL, a, b);
        fn.save(a, b);
        return record(fn, out, a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(g.mul(b), a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(g.mul(a), b.shape()) : null,
        };
    }
}
