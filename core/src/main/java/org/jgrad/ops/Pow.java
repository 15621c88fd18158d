package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** a ** b; d/da = b a^(b-1), d/db = out ln a (NaN for a < 0, as in PyTorch). */
final class Pow extends Function {
    static Tensor apply(Tensor a, Tensor b) {
        Pow fn = new Pow();
        Tensor out = Kernels.binary("pow", BinaryOp.POW, a, b);
        fn.save(a, b, out);
        return record(fn, out, a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        Tensor out = saved(2);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(g.mul(b).mul(a.pow(b.sub(1f))), a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(g.mul(out).mul(a.log()), b.shape()) : null,
        };
    }
}
