package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/** Entries [start, start + length) of one dimension; backward places the gradient back in zeros. */
final class Narrow extends Function {
    private final int dim;
    private final int start;
    private final int[] inputShape;

    private Narrow(int dim, int start, int[] inputShape) {
        this.dim = dim;
        this.start = start;
        this.inputShape = inputShape;
    }

    /** A negative start counts from the end of the dimension, as in PyTorch. */
    static Tensor apply(Tensor x, int dim, int start, int length) {
        int d = Shape.normalizeDim("narrow", dim, x.dim());
        int[] shape = x.shape();
        int from = start < 0 ? start + shape[d] : start;
        if (from < 0 || length < 0 || from + length > shape[d]) {
            throw new IllegalArgumentException("narrow: range [" + from + ", " + (from + length) + ") is outside [0, "
                    + shape[d] + ") of dimension " + dim + " of shape " + Shape.toString(shape));
        }
        int[] strides = Shape.strides(shape);
        int[] outShape = shape.clone();
        outShape[d] = length;
        Tensor out = Kernels.strided(x, outShape, from * strides[d], strides);
        return record(new Narrow(d, from, shape), out, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor dx = Tensors.zeros(g.backend(), g.dtype(), inputShape);
        Kernels.copyInto(g, dx, dim, start);
        return new Tensor[] {dx};
    }
}
