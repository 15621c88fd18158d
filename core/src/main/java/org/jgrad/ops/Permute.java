package org.jgrad.ops;

import java.util.Arrays;
import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** Reorders dimensions (a strided copy); backward applies the inverse permutation. */
final class Permute extends Function {
    private final int[] inverse;

    private Permute(int[] inverse) {
        this.inverse = inverse;
    }

    static Tensor apply(Tensor x, int[] dims) {
        int rank = x.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " has " + dims.length
                    + " dimensions, tensor of shape " + Shape.toString(x.shape()) + " has " + rank);
        }
        int[] shape = x.shape();
        int[] strides = Shape.strides(shape);
        int[] outShape = new int[rank];
        int[] srcStrides = new int[rank];
        int[] inverse = new int[rank];
        Arrays.fill(inverse, -1);
        for (int i = 0; i < rank; i++) {
            int d = Shape.normalizeDim("permute", dims[i], rank);
            if (inverse[d] >= 0) {
                throw new IllegalArgumentException("permute: dimension " + dims[i] + " repeats in " + Arrays.toString(dims));
            }
            inverse[d] = i;
            outShape[i] = shape[d];
            srcStrides[i] = strides[d];
        }
        return record(new Permute(inverse), Kernels.strided(x, outShape, 0, srcStrides), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.permute(inverse)};
    }
}
