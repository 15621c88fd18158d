package org.jgrad.ops;

import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * where(cond, a, b): a where cond is non-zero, else b. The condition gets no gradient. As
 * PyTorch, two INT32 operands give INT32; one INT32 operand is promoted to FLOAT32.
 */
final class Where extends Function {
    static Tensor apply(Tensor cond, Tensor a, Tensor b) {
        if (a.dtype() == DType.INT32 && b.dtype() == DType.INT32) {
            Tensor floatB = Kernels.cast(b, DType.FLOAT32);
            Tensor out = IntegerValued.viaFloat(a, floatA -> Kernels.where(cond, floatA, floatB));
            floatB.close();
            return out;
        }
        if (a.dtype() != b.dtype()) {
            return apply(cond, Kernels.asFloat(a), Kernels.asFloat(b));
        }
        Kernels.requireFloat("where", a);
        Where fn = new Where();
        Tensor out = Kernels.where(cond, a, b);
        fn.save(cond, a, b);
        return record(fn, out, a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor cond = saved(0);
        Tensor zero = Tensors.scalarLike(g, 0f);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(Kernels.where(cond, g, zero), saved(1).shape()) : null,
            needsGrad(1) ? Kernels.sumTo(Kernels.where(cond, zero, g), saved(2).shape()) : null,
        };
    }
}
