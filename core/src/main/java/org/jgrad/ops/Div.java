package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** a / b; d/db = -a / b^2 = -out / b. */
final class Div extends Function {
    static Tensor apply(Tensor a, Tensor b) {
        Div fn = new Div();
        Tensor out = Kernels.binary("div", BinaryOp.DIV, a, b);
        fn.save(a, b, out);
        return record(fn, out, a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        Tensor out = saved(2);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(g.div(b), a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(g.mul(out).div(b).neg(), b.shape()) : null,
        };
    }
}
