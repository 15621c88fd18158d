package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.ReduceOp;

/** Reductions along dimensions: sum, mean, var, max/min with gradients, argmax/argmin without. */
final class Reductions {
    private Reductions() {
    }

    /** Sum over dims; a size-0 dimension sums to 0, as PyTorch. */
    static Tensor sum(Tensor x, int[] dims, boolean keepDim) {
        return ZeroDim.applies("sum", x, dims) ? ZeroDim.along(x, v -> Sum.apply(v, new int[] {0}, true))
                : Sum.apply(x, dims, keepDim);
    }

    /** Mean over dims; over no elements it is NaN (0/0), as PyTorch. */
    static Tensor mean(Tensor x, int[] dims, boolean keepDim) {
        if (ZeroDim.applies("mean", x, dims)) {
            return sum(x, dims, keepDim);
        }
        int n = count(x, dims, "mean");
        return Sum.apply(x, dims, keepDim).div((float) n);
    }

    /**
     * Variance over dims, dividing by N - correction (1 is PyTorch's default, unbiased); with no
     * degrees of freedom left the divisor is 0, giving NaN (or infinity), as PyTorch.
     */
    static Tensor var(Tensor x, int[] dims, int correction, boolean keepDim) {
        int n = count(x, dims, "var");
        Tensor centered = x.sub(mean(x, dims, true));
        return Sum.apply(centered.mul(centered), dims, keepDim).div((float) Math.max(0, n - correction));
    }

    /** Standard deviation over dims: the square root of {@link #var}, with PyTorch's zero gradient where it is 0. */
    static Tensor std(Tensor x, int[] dims, int correction, boolean keepDim) {
        return Std.apply(var(x, dims, correction, keepDim));
    }

    /** max or min along dim; INT32 input gives INT32 values, as PyTorch. */
    static Tensor extreme(ReduceOp op, Tensor x, int dim, boolean keepDim) {
        if (x.dtype() == DType.INT32) {
            return IntegerValued.viaFloat(x, v -> extreme(op, v, dim, keepDim));
        }
        return ZeroDim.applies(op.name().toLowerCase(java.util.Locale.ROOT), x, dim)
                ? ZeroDim.along(x, v -> ReduceExtreme.apply(op, v, 0, true)) : ReduceExtreme.apply(op, x, dim, keepDim);
    }

    /** max or min of every element (0-d); the gradient is split among the elements attaining it. */
    static Tensor extreme(ReduceOp op, Tensor x) {
        return x.dtype() == DType.INT32 ? IntegerValued.viaFloat(x, v -> ExtremeAll.apply(op, v)) : ExtremeAll.apply(op, x);
    }

    /** Indices (INT32) of the max or min along dim; not differentiable. */
    static Tensor argIndex(ReduceOp op, Tensor x, int dim, boolean keepDim) {
        String name = op.name().toLowerCase(java.util.Locale.ROOT);
        if (ZeroDim.applies(name, x, dim)) {
            return ZeroDim.along(x, v -> argIndex(op, v, 0, true));
        }
        int d = Shape.normalizeDim(name, dim, x.dim());
        Tensor indices = Kernels.reduce(op, Kernels.asFloat(x), d);
        if (keepDim) {
            return indices;
        }
        Tensor out = view(indices, dropDims(indices.shape(), dimsMask(name, new int[] {d}, x.dim())));
        indices.close();
        return out;
    }

    /** Which of rank dimensions are listed in dims (negative allowed); duplicates are an error. */
    static boolean[] dimsMask(String op, int[] dims, int rank) {
        boolean[] mask = new boolean[rank];
        for (int dim : dims) {
            int d = Shape.normalizeDim(op, dim, rank);
            if (mask[d]) {
                throw new IllegalArgumentException(op + ": dimension " + dim + " is listed twice");
            }
            mask[d] = true;
        }
        return mask;
    }

    static int[] dropDims(int[] shape, boolean[] drop) {
        int kept = 0;
        for (boolean d : drop) {
            kept += d ? 0 : 1;
        }
        int[] out = new int[kept];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!drop[i]) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    private static int count(Tensor x, int[] dims, String op) {
        boolean[] mask = dimsMask(op, dims, x.dim());
        int n = 1;
        for (int i = 0; i < mask.length; i++) {
            n *= mask[i] ? x.shape()[i] : 1;
        }
        return n;
    }
}
