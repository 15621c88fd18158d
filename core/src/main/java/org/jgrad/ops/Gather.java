package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/** out = x gathered along dim by an INT32 index; backward scatter-adds the gradient back. */
final class Gather extends Function {
    private final int dim;
    private final int[] inputShape;

    private Gather(int dim, int[] inputShape) {
        this.dim = dim;
        this.inputShape = inputShape;
    }

    /** Index has x's rank and x's sizes in every dimension but dim (stricter than PyTorch, which allows smaller). */
    static Tensor apply(Tensor x, int dim, Tensor index) {
        if (x.dtype() == DType.INT32) {
            return IntegerValued.viaFloat(x, v -> apply(v, dim, index));
        }
        if (ZeroDim.applies("gather", x, dim) && index.dim() == 0) {
            return ZeroDim.along(x, v -> apply(v, 0, index.reshape(1)));
        }
        Kernels.requireInt("gather", index);
        Kernels.sameBackend("gather", x, index);
        int d = Shape.normalizeDim("gather", dim, x.dim());
        int[] xs = x.shape();
        int[] is = index.shape();
        boolean fits = xs.length == is.length;
        for (int i = 0; fits && i < xs.length; i++) {
            fits = i == d || xs[i] == is[i];
        }
        if (!fits) {
            throw new IllegalArgumentException("gather: index of shape " + Shape.toString(is) + " does not fit input "
                    + Shape.toString(xs) + " along dimension " + dim + " (same rank, same sizes except that dimension)");
        }
        Tensor out = Kernels.empty(x.backend(), DType.FLOAT32, is);
        x.backend().gather(buffer(x), Shape.product(xs, 0, d), xs[d], Shape.product(xs, d + 1, xs.length),
                buffer(index), is[d], buffer(out));
        Gather fn = new Gather(d, xs);
        fn.save(index);
        return record(fn, out, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {scatterAddInto(inputShape, dim, saved(0), g)};
    }

    /** zeros(shape) with src added at index along dim (index and src share a shape). */
    static Tensor scatterAddInto(int[] shape, int dim, Tensor index, Tensor src) {
        int[] is = index.shape();
        Tensor out = Tensors.zeros(src.backend(), DType.FLOAT32, shape);
        src.backend().scatterAdd(buffer(src), Shape.product(is, 0, dim), is[dim], Shape.product(is, dim + 1, is.length),
                buffer(index), shape[dim], buffer(out));
        return out;
    }
}
