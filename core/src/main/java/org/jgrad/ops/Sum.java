package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.ReduceOp;

/** Sum over a set of dimensions; backward spreads the gradient back over them. */
final class Sum extends Function {
    private final int[] inputShape;
    private final int[] keptShape;

    private Sum(int[] inputShape, int[] keptShape) {
        this.inputShape = inputShape;
        this.keptShape = keptShape;
    }

    static Tensor apply(Tensor x, int[] dims, boolean keepDim) {
        boolean[] reduced = Reductions.dimsMask("sum", dims, x.dim());
        Tensor acc = Kernels.asFloat(x);
        for (int d = 0; d < reduced.length; d++) {
            if (reduced[d]) {
                Tensor next = Kernels.reduce(ReduceOp.SUM, acc, d);
                if (acc != x) {
                    acc.close();
                }
                acc = next;
            }
        }
        int[] keptShape = acc.shape();
        Tensor out = acc == x ? view(x, keptShape) : acc;
        if (!keepDim) {
            Tensor squeezed = view(out, Reductions.dropDims(keptShape, reduced));
            out.close();
            out = squeezed;
        }
        return record(new Sum(x.shape(), keptShape), out, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.reshape(keptShape).expand(inputShape)};
    }
}
