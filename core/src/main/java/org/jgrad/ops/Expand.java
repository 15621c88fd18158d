package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** Broadcasts size-1 (and new leading) dimensions to a larger shape; backward sums them back. */
final class Expand extends Function {
    private final int[] inputShape;

    private Expand(int[] inputShape) {
        this.inputShape = inputShape;
    }

    static Tensor apply(Tensor x, int[] shape) {
        int[] in = x.shape();
        if (shape.length < in.length) {
            throw new IllegalArgumentException("expand: cannot expand " + Shape.toString(in) + " to fewer dimensions "
                    + Shape.toString(shape));
        }
        int[] target = shape.clone();
        int lead = target.length - in.length;
        for (int i = 0; i < target.length; i++) {
            int size = i < lead ? 1 : in[i - lead];
            if (target[i] == -1 && i >= lead) {
                target[i] = size;
            } else if (size != 1 && size != target[i]) {
                throw new IllegalArgumentException("expand: cannot expand " + Shape.toString(in) + " to "
                        + Shape.toString(shape) + " (dimension " + i + ": " + size + " is neither 1 nor " + target[i] + ")");
            }
        }
        Tensor out = Kernels.strided(x, target, 0, Shape.broadcastStrides(in, target));
        return record(new Expand(in), out, x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Kernels.sumTo(g, inputShape)};
    }
}
