package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.BinaryOp;

/** Limits x to [min, max]; the gradient passes where min <= x <= max, as in PyTorch. */
final class Clamp extends Function {
    private final float min;
    private final float max;

    private Clamp(float min, float max) {
        this.min = min;
        this.max = max;
    }

    static Tensor apply(Tensor x, float min, float max) {
        Kernels.requireFloat("clamp", x);
        Tensor lo = Tensors.scalarLike(x, min);
        Tensor hi = Tensors.scalarLike(x, max);
        Tensor raised = Kernels.binary("clamp", BinaryOp.MAXIMUM, x, lo);
        Tensor out = Kernels.binary("clamp", BinaryOp.MINIMUM, raised, hi);
        raised.close();
        lo.close();
        hi.close();
        Clamp fn = new Clamp(min, max);
        fn.save(x);
        return record(fn, out, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        Tensor inside = x.ge(Tensors.scalarLike(x, min)).mul(x.le(Tensors.scalarLike(x, max)));
        return new Tensor[] {g.mul(inside)};
    }
}
