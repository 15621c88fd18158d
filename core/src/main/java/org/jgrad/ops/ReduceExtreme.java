package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.ReduceOp;

/** max or min along one dimension; the gradient goes to the first index that attained it. */
final class ReduceExtreme extends Function {
    private final int dim;
    private final int[] inputShape;
    private final int[] keptShape;

    private ReduceExtreme(int dim, int[] inputShape, int[] keptShape) {
        this.dim = dim;
        this.inputShape = inputShape;
        this.keptShape = keptShape;
    }

    static Tensor apply(ReduceOp op, Tensor x, int dim, boolean keepDim) {
        String name = op == ReduceOp.MAX ? "max" : "min";
        Kernels.requireFloat(name, x);
        int d = Shape.normalizeDim(name, dim, x.dim());
        Tensor values = Kernels.reduce(op, x, d);
        Tensor indices = Kernels.reduce(op == ReduceOp.MAX ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x, d);
        int[] keptShape = values.shape();
        Tensor out = values;
        if (!keepDim) {
            out = view(values, Reductions.dropDims(keptShape, Reductions.dimsMask(name, new int[] {d}, x.dim())));
            values.close();
        }
        ReduceExtreme fn = new ReduceExtreme(d, x.shape(), keptShape);
        fn.save(indices);
        return record(fn, out, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Gather.scatterAddInto(inputShape, dim, saved(0), g.reshape(keptShape))};
    }
}
