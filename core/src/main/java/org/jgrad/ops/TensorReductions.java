package org.jgrad.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.ReduceOp;

/** {@link Tensor}'s reductions (see {@link TensorArithmetic} for why this class exists). */
public abstract class TensorReductions extends TensorActivations {
    /** Sum of all elements (a scalar). */
    public Tensor sum() {
        return Reductions.sum(self(), allDims(), false);
    }

    public Tensor sum(int dim, boolean keepDim) {
        return Reductions.sum(self(), new int[] {dim}, keepDim);
    }

    public Tensor sum(int[] dims, boolean keepDim) {
        return Reductions.sum(self(), dims, keepDim);
    }

    public Tensor mean() {
        return Reductions.mean(self(), allDims(), false);
    }

    public Tensor mean(int dim, boolean keepDim) {
        return Reductions.mean(self(), new int[] {dim}, keepDim);
    }

    public Tensor mean(int[] dims, boolean keepDim) {
        return Reductions.mean(self(), dims, keepDim);
    }

    /** Variance along {@code dim} with Bessel's correction (unbiased), as PyTorch's default. */
    public Tensor var(int dim, boolean keepDim) {
        return Reductions.var(self(), new int[] {dim}, 1, keepDim);
    }

    /** Variance over {@code dims} dividing by N - correction. */
    public Tensor var(int[] dims, int correction, boolean keepDim) {
        return Reductions.var(self(), dims, correction, keepDim);
    }

    /** Standard deviation along {@code dim} (unbiased), the square root of {@link #var(int, boolean)}. */
    public Tensor std(int dim, boolean keepDim) {
        return Reductions.std(self(), new int[] {dim}, 1, keepDim);
    }

    /** Largest element (a scalar); its gradient is split evenly among the elements that attain it, as PyTorch. */
    public Tensor max() {
        return Reductions.extreme(ReduceOp.MAX, self());
    }

    public Tensor max(int dim, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MAX, self(), dim, keepDim);
    }

    public Tensor min() {
        return Reductions.extreme(ReduceOp.MIN, self());
    }

    public Tensor min(int dim, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MIN, self(), dim, keepDim);
    }

    /** Index (INT32) of the largest element along {@code dim}, the first on ties. */
    public Tensor argmax(int dim, boolean keepDim) {
        return Reductions.argIndex(ReduceOp.ARGMAX, self(), dim, keepDim);
    }

    public Tensor argmin(int dim, boolean keepDim) {
        return Reductions.argIndex(ReduceOp.ARGMIN, self(), dim, keepDim);
    }

    private int[] allDims() {
        int[] dims = new int[self().dim()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i;
        }
        return dims;
    }
}
