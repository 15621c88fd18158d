package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.UnaryOp;

/**
 * The standard deviation from a variance: sqrt(var), whose gradient is 0 where the deviation is
 * 0 (PyTorch's std_backward), not the infinity of a plain square root.
 */
final class Std extends Function {

    static Tensor apply(Tensor variance) {
        Tensor out = Kernels.unary(UnaryOp.SQRT, 0f, variance);
        Std fn = new Std();
        fn.save(out);
        return record(fn, out, variance);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        Tensor dVar = g.div(y.mul(2f));
        return new Tensor[] {Kernels.where(y.eq(0f), Tensors.scalarLike(dVar, 0f), dVar)};
    }
}
