package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/** Indexing with INT32 tensors (gather, indexSelect, oneHot) and dtype conversion. */
final class Indexing {
    private Indexing() {
    }

    /**
     * The entries of dim listed by a 1-D INT32 index, in its order (repeats allowed); a 0-d index
     * selects one entry, as PyTorch. INT32 input gives INT32.
     */
    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        Kernels.requireInt("indexSelect", index);
        if (index.dim() == 0) {
            return indexSelect(x, dim, index.reshape(1));
        }
        if (index.dim() != 1) {
            throw new IllegalArgumentException("indexSelect: index must be 1-D, got shape " + Shape.toString(index.shape()));
        }
        int d = Shape.normalizeDim("indexSelect", dim, x.dim());
        int[] outShape = x.shape();
        outShape[d] = index.size(0);
        int[] column = new int[outShape.length];
        java.util.Arrays.fill(column, 1);
        column[d] = index.size(0);
        Tensor spread = Kernels.strided(index, outShape, 0, Shape.broadcastStrides(column, outShape));
        return Gather.apply(x, d, spread);
    }

    /** FLOAT32 one-hot rows for INT32 class labels in [0, numClasses): shape labels.shape + [numClasses]. */
    static Tensor oneHot(Tensor labels, int numClasses) {
        Kernels.requireInt("oneHot", labels);
        if (numClasses < 1) {
            throw new IllegalArgumentException("oneHot: numClasses must be >= 1, got " + numClasses);
        }
        int[] ls = labels.shape();
        int[] outShape = java.util.Arrays.copyOf(ls, ls.length + 1);
        outShape[ls.length] = numClasses;
        Tensor ones = Tensors.ones(labels.backend(), labels.numel(), 1);
        Tensor column = view(labels, labels.numel(), 1);
        Tensor out = Gather.scatterAddInto(new int[] {labels.numel(), numClasses}, 1, column, ones);
        ones.close();
        column.close();
        return out.reshape(outShape);
    }

    /** A copy converted to type; FLOAT32 to INT32 rounds toward zero. Not differentiable. */
    static Tensor cast(Tensor x, DType type) {
        return x.dtype() == type ? Movement.copy(x) : Kernels.cast(x, type);
    }
}
