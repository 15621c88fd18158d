package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** a - b. */
final class Sub extends Function {
    static Tensor apply(Tensor a, Tensor b) {
        Sub fn = new Sub();
        Tensor out = Kernels.binary("sub", BinaryOp.SUB, a, b);
        fn.save(a, b);
        return record(fn, out, a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(g, a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(g.neg(), b.shape()) : null,
        };
    }
}
