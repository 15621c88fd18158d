package org.jgrad.ops;

import java.util.Arrays;
import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Concatenation along a dimension; backward hands each input its slice of the gradient. Mixed
 * FLOAT32 and INT32 inputs are promoted to FLOAT32, as PyTorch.
 */
final class Cat extends Function {
    private final int dim;
    private final int[] starts;
    private final int[] lengths;

    private Cat(int dim, int[] starts, int[] lengths) {
        this.dim = dim;
        this.starts = starts;
        this.lengths = lengths;
    }

    static Tensor apply(int dim, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("cat: needs at least one tensor");
        }
        if (Arrays.stream(tensors).anyMatch(t -> t.dtype() != tensors[0].dtype())) {
            return apply(dim, Arrays.stream(tensors).map(Kernels::asFloat).toArray(Tensor[]::new));
        }
        Tensor first = tensors[0];
        int d = Shape.normalizeDim("cat", dim, first.dim());
        int[] outShape = first.shape();
        int[] starts = new int[tensors.length];
        int[] lengths = new int[tensors.length];
        int total = 0;
        for (int i = 0; i < tensors.length; i++) {
            int[] s = tensors[i].shape();
            checkCompatible(first, tensors[i], d, i);
            starts[i] = total;
            lengths[i] = s[d];
            total += s[d];
        }
        outShape[d] = total;
        Tensor out = Kernels.empty(first.backend(), first.dtype(), outShape);
        for (int i = 0; i < tensors.length; i++) {
            Kernels.copyInto(tensors[i], out, d, starts[i]);
        }
        return record(new Cat(d, starts, lengths), out, tensors);
    }

    private static void checkCompatible(Tensor first, Tensor other, int d, int index) {
        int[] a = first.shape();
        int[] b = other.shape();
        boolean ok = a.length == b.length && first.dtype() == other.dtype();
        for (int j = 0; ok && j < a.length; j++) {
            ok = j == d || a[j] == b[j];
        }
        if (!ok) {
            throw new IllegalArgumentException("cat: tensor " + index + " has shape " + Shape.toString(b) + " and dtype "
                    + other.dtype() + ", tensor 0 has " + Shape.toString(a) + " and " + first.dtype()
                    + "; all sizes must match except along dimension " + d);
        }
        Kernels.sameBackend("cat", first, other);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor[] grads = new Tensor[starts.length];
        for (int i = 0; i < grads.length; i++) {
            grads[i] = needsGrad(i) ? g.narrow(dim, starts[i], lengths[i]) : null;
        }
        return grads;
    }
}
