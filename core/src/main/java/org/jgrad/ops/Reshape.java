package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import java.util.Arrays;
import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** The same elements under another shape, sharing storage; one dimension may be -1. */
final class Reshape extends Function {
    private final int[] inputShape;

    private Reshape(int[] inputShape) {
        this.inputShape = inputShape;
    }

    static Tensor apply(Tensor x, int[] shape) {
        int[] resolved = resolve(x.shape(), shape);
        return record(new Reshape(x.shape()), view(x, resolved), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.reshape(inputShape)};
    }

    private static int[] resolve(int[] from, int[] to) {
        int[] out = to.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid target shape " + Arrays.toString(to) + " for "
                        + Arrays.toString(from) + " (at most one -1, other sizes >= 0)");
            } else {
                known *= out[i];
            }
        }
        int n = Shape.numel(from);
        if (inferred >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(from) + " (" + n
                        + " elements) into " + Arrays.toString(to));
            }
            out[inferred] = (int) (n / known);
        }
        if (Shape.numel(out) != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(from) + " (" + n
                    + " elements) into " + Arrays.toString(to) + " (" + Shape.numel(out) + " elements)");
        }
        return out;
    }
}
