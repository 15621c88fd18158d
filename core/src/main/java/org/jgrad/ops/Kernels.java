package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;
import org.jgrad.internal.TensorAccess;

/** Forward computations on the backend that make new tensors and record no graph. */
final class Kernels {
    private Kernels() {
    }

    /**
     * A new tensor with unspecified contents, for a primitive that overwrites all of it: unary,
     * binary, where, reduce, strided copy, cast, im2col, col2im, GEMM with beta 0, gather. Outputs
     * that are accumulated into (scatter-add, a narrow's gradient) start from Tensors.zeros.
     */
    static Tensor empty(Backend backend, DType dtype, int[] shape) {
        return TensorAccess.uninitialized(backend, dtype, shape);
    }

    static Tensor unary(UnaryOp op, float alpha, Tensor x) {
        requireFloat(op.name().toLowerCase(java.util.Locale.ROOT), x);
        Tensor out = empty(x.backend(), DType.FLOAT32, x.shape());
        x.backend().unary(op, alpha, buffer(x), buffer(out));
        return out;
    }

    /** op(a, b) broadcast; INT32 operands are read as FLOAT32 (exact below 2^24). */
    static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
        Backend backend = sameBackend(name, a, b);
        int[] shape = Shape.broadcast(name, a.shape(), b.shape());
        Tensor fa = asFloat(a);
        Tensor fb = asFloat(b);
        Tensor out = empty(backend, DType.FLOAT32, shape);
        backend.binary(op, shape, buffer(fa), Shape.broadcastStrides(a.shape(), shape),
                buffer(fb), Shape.broadcastStrides(b.shape(), shape), buffer(out));
        closeIfConverted(fa, a);
        closeIfConverted(fb, b);
        return out;
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        Backend backend = sameBackend("where", cond, a);
        sameBackend("where", a, b);
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", cond.shape(), a.shape()), b.shape());
        Tensor fc = asFloat(cond);
        Tensor out = empty(backend, DType.FLOAT32, shape);
        backend.where(shape, buffer(fc), Shape.broadcastStrides(cond.shape(), shape),
                buffer(a), Shape.broadcastStrides(a.shape(), shape),
                buffer(b), Shape.broadcastStrides(b.shape(), shape), buffer(out));
        closeIfConverted(fc, cond);
        return out;
    }

    /** Reduces one (already normalised) dimension; the result keeps it as size 1. */
    static Tensor reduce(ReduceOp op, Tensor x, int dim) {
        int[] shape = x.shape();
        int outer = Shape.product(shape, 0, dim);
        int inner = Shape.product(shape, dim + 1, shape.length);
        int size = shape[dim];
        int[] outShape = shape.clone();
        outShape[dim] = 1;
        if (size == 0 && op == ReduceOp.SUM) {
            return Tensors.zeros(x.backend(), DType.FLOAT32, outShape);
        }
        if (size == 0) {
            throw new IllegalArgumentException(op.name().toLowerCase(java.util.Locale.ROOT) + ": cannot reduce dimension "
                    + dim + " of size 0 in shape " + Shape.toString(shape) + " (an empty " + op.name().toLowerCase(java.util.Locale.ROOT)
                    + " has no value, as in PyTorch)");
        }
        Tensor out = empty(x.backend(), op.writesIndices() ? DType.INT32 : DType.FLOAT32, outShape);
        x.backend().reduce(op, buffer(x), outer, size, inner, buffer(out));
        return out;
    }

    /** A contiguous copy of x read through strides and an element offset. */
    static Tensor strided(Tensor x, int[] shape, int offset, int[] strides) {
        Tensor out = empty(x.backend(), x.dtype(), shape);
        x.backend().copy(shape, buffer(x), offset, strides, buffer(out), 0, Shape.strides(shape));
        return out;
    }

    /** Copies all of {@code src} into {@code dst} at offset {@code start} along {@code dim} (same other sizes). */
    static void copyInto(Tensor src, Tensor dst, int dim, int start) {
        int[] dstStrides = Shape.strides(dst.shape());
        src.backend().copy(src.shape(), buffer(src), 0, Shape.strides(src.shape()),
                buffer(dst), start * dstStrides[dim], dstStrides);
    }

    /** x converted to type; backends convert to and from FLOAT32, so other pairs go through FLOAT32. */
    static Tensor cast(Tensor x, DType type) {
        if (x.dtype() != type && x.dtype() != DType.FLOAT32 && type != DType.FLOAT32) {
            try (Tensor floats = cast(x, DType.FLOAT32)) {
                return cast(floats, type);
            }
        }
        Tensor out = empty(x.backend(), type, x.shape());
        x.backend().cast(buffer(x), buffer(out));
        return out;
    }

    static Tensor asFloat(Tensor x) {
        return x.dtype() == DType.FLOAT32 ? x : cast(x, DType.FLOAT32);
    }

    private static void closeIfConverted(Tensor converted, Tensor original) {
        if (converted != original) {
            converted.close();
        }
    }

    static Backend sameBackend(String name, Tensor a, Tensor b) {
        if (a.backend() != b.backend()) {
            throw new IllegalArgumentException(name + ": operands live on different backends (" + a.backend().name()
                    + " and " + b.backend().name() + "); move one with to(backend)");
        }
        return a.backend();
    }

    static void requireFloat(String name, Tensor x) {
        if (x.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(name + ": expected a FLOAT32 tensor, got " + x.dtype() + " of shape "
                    + Shape.toString(x.shape()) + "; convert with toType(DType.FLOAT32)");
        }
    }

    static void requireInt(String name, Tensor x) {
        if (x.dtype() != DType.INT32) {
            throw new IllegalArgumentException(name + ": expected an INT32 index tensor, got " + x.dtype() + " of shape "
                    + Shape.toString(x.shape()));
        }
    }

    /**
     * Sums {@code grad} down to {@code shape}, undoing a broadcast: leading extra dimensions and
     * dimensions where shape has 1 are summed away. Returns grad itself when shapes already match.
     */
    static Tensor sumTo(Tensor grad, int[] shape) {
        int[] gShape = grad.shape();
        if (Arrays.equals(gShape, shape)) {
            return grad;
        }
        int lead = gShape.length - shape.length;
        int[] dims = new int[gShape.length];
        int count = 0;
        for (int i = 0; i < gShape.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gShape[i] != 1)) {
                dims[count++] = i;
            }
        }
        return grad.sum(Arrays.copyOf(dims, count), true).reshape(shape);
    }
}
