package org.jgrad.ops;

import org.jgrad.DType;
import org.jgrad.Tensor;

/** {@link Tensor}'s shape, movement and indexing ops (see {@link TensorArithmetic} for why this class exists). */
public abstract class TensorShapes extends TensorProducts {
    /** Same elements, new shape; one dimension may be -1 (inferred). Shares storage. */
    public Tensor reshape(int... newShape) {
        return Reshape.apply(self(), newShape);
    }

    public Tensor permute(int... dims) {
        return Permute.apply(self(), dims);
    }

    public Tensor transpose(int dim0, int dim1) {
        return Movement.transpose(self(), dim0, dim1);
    }

    /** Removes every dimension of size 1. */
    public Tensor squeeze() {
        return Movement.squeeze(self());
    }

    public Tensor squeeze(int dim) {
        return Movement.squeeze(self(), dim);
    }

    public Tensor unsqueeze(int dim) {
        return Movement.unsqueeze(self(), dim);
    }

    public Tensor flatten() {
        return reshape(self().numel());
    }

    /** Merges dimensions startDim..endDim (inclusive) into one. */
    public Tensor flatten(int startDim, int endDim) {
        return Movement.flatten(self(), startDim, endDim);
    }

    /** The {@code length} entries of {@code dim} from {@code start} (a negative start counts from the end). */
    public Tensor narrow(int dim, int start, int length) {
        return Narrow.apply(self(), dim, start, length);
    }

    /** Entries [start, end) of {@code dim}; negative bounds count from the end. */
    public Tensor slice(int dim, int start, int end) {
        return Movement.slice(self(), dim, start, end);
    }

    /** Repeats size-1 dimensions (and new leading ones) up to {@code newShape}; -1 keeps a size. */
    public Tensor expand(int... newShape) {
        return Expand.apply(self(), newShape);
    }

    // ---- indexing and types ----

    /** out[i][j] = this[i][index[i][j]] along {@code dim}; index is INT32 with this tensor's rank. */
    public Tensor gather(int dim, Tensor index) {
        return Gather.apply(self(), dim, index);
    }

    /** The entries of {@code dim} listed by the 1-D INT32 {@code index}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(self(), dim, index);
    }

    /** One-hot FLOAT32 encoding of this INT32 tensor: a new last dimension of {@code numClasses}. */
    public Tensor oneHot(int numClasses) {
        return Indexing.oneHot(self(), numClasses);
    }

    /** A copy converted to {@code type} (FLOAT32 to INT32 rounds toward zero); no gradient. */
    public Tensor toType(DType type) {
        return Indexing.cast(self(), type);
    }
}
