package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** a + b; each input gets the gradient, summed over its broadcast dimensions. */
final class Add extends Function {
    static Tensor apply(Tensor a, Tensor b) {
        Add fn = new Add();
        Tensor out = Kernels.binary("add", BinaryOp.ADD, a, b);
        fn.save(a, b);
        return record(fn, out, a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(g, a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(g, b.shape()) : null,
        };
    }
}
