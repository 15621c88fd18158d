package org.jgrad.ops;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/** Shape ops built from reshape, permute, narrow and cat (transpose, squeeze, flatten, slice, stack), and the untracked copy. */
final class Movement {
    private Movement() {
    }

    static Tensor transpose(Tensor x, int dim0, int dim1) {
        int rank = x.dim();
        int a = Shape.normalizeDim("transpose", dim0, rank);
        int b = Shape.normalizeDim("transpose", dim1, rank);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = i == a ? b : i == b ? a : i;
        }
        return Permute.apply(x, dims);
    }

    static Tensor squeeze(Tensor x) {
        int[] shape = x.shape();
        boolean[] ones = new boolean[shape.length];
        for (int i = 0; i < shape.length; i++) {
            ones[i] = shape[i] == 1;
        }
        return Reshape.apply(x, Reductions.dropDims(shape, ones));
    }

    /** Removes dimension dim when its size is 1; otherwise returns an unchanged view, as PyTorch. */
    static Tensor squeeze(Tensor x, int dim) {
        if (ZeroDim.applies("squeeze", x, dim)) {
            return Reshape.apply(x, x.shape());
        }
        int d = Shape.normalizeDim("squeeze", dim, x.dim());
        int[] shape = x.shape();
        boolean[] drop = new boolean[shape.length];
        drop[d] = shape[d] == 1;
        return Reshape.apply(x, Reductions.dropDims(shape, drop));
    }

    static Tensor unsqueeze(Tensor x, int dim) {
        int d = Shape.normalizeDim("unsqueeze", dim, x.dim() + 1);
        int[] shape = x.shape();
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == d ? 1 : shape[j++];
        }
        return Reshape.apply(x, out);
    }

    static Tensor flatten(Tensor x, int startDim, int endDim) {
        int[] shape = x.shape();
        if (shape.length == 0) {
            return Reshape.apply(x, new int[] {1});
        }
        int s = Shape.normalizeDim("flatten", startDim, shape.length);
        int e = Shape.normalizeDim("flatten", endDim, shape.length);
        if (s > e) {
            throw new IllegalArgumentException("flatten: start dimension " + startDim + " is after end dimension " + endDim);
        }
        int[] out = new int[shape.length - (e - s)];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i <= s || i > e) {
                out[j++] = i == s ? Shape.product(shape, s, e + 1) : shape[i];
            }
        }
        return Reshape.apply(x, out);
    }

    /** Entries [start, end) of dim; negative bounds count from the end, bounds past the end are clipped. */
    static Tensor slice(Tensor x, int dim, int start, int end) {
        int size = x.size(dim);
        int s = Math.min(size, Math.max(0, start < 0 ? start + size : start));
        int e = Math.min(size, Math.max(s, end < 0 ? end + size : end));
        return Narrow.apply(x, dim, s, e - s);
    }

    /** Joins equally shaped tensors along a new dimension. */
    static Tensor stack(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        Tensor[] expanded = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (!java.util.Arrays.equals(tensors[i].shape(), tensors[0].shape())) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Shape.toString(tensors[i].shape())
                        + ", tensor 0 has " + Shape.toString(tensors[0].shape()) + "; all must be equal");
            }
            expanded[i] = unsqueeze(tensors[i], dim);
        }
        return Cat.apply(dim, expanded);
    }

    /** A contiguous copy that does not share storage; no graph. */
    static Tensor copy(Tensor x) {
        return Kernels.strided(x, x.shape(), 0, Shape.strides(x.shape()));
    }
}
