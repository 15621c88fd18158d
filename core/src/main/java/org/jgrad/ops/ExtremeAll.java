package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.ReduceOp;

/**
 * max or min of all elements (a 0-d tensor). As PyTorch's {@code max()} without a dim, the
 * gradient is split evenly among the elements that attain the result (the NaNs, when it is NaN).
 */
final class ExtremeAll extends Function {

    static Tensor apply(ReduceOp op, Tensor x) {
        Kernels.requireFloat(op == ReduceOp.MAX ? "max" : "min", x);
        Tensor flat = view(x, x.numel());
        Tensor values = Kernels.reduce(op, flat, 0);
        flat.close();
        Tensor out = view(values);
        values.close();
        ExtremeAll fn = new ExtremeAll();
        fn.save(x, out);
        return record(fn, out, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        Tensor out = saved(1);
        Tensor attains = x.eq(out).add(x.ne(x).mul(out.ne(out)));
        return new Tensor[] {g.mul(attains).div(attains.sum())};
    }
}
