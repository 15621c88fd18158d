package org.jgrad.ops;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/** Elementwise arithmetic and comparisons; the ops behind {@link Tensor}'s methods of the same names. */
public final class Arithmetic {
    private Arithmetic() {
    }

    public static Tensor add(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.ADD, a, b);
    }

    public static Tensor sub(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.SUB, a, b);
    }

    public static Tensor mul(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.MUL, a, b);
    }

    public static Tensor div(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.DIV, a, b);
    }

    public static Tensor pow(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.POW, a, b);
    }

    public static Tensor maximum(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.MAXIMUM, a, b);
    }

    public static Tensor minimum(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.MINIMUM, a, b);
    }

    public static Tensor clamp(Tensor x, float min, float max) {
        return Clamp.apply(x, min, max);
    }

    /** A differentiable unary function; {@code alpha} is LEAKY_RELU's slope and ignored otherwise. */
    public static Tensor unary(UnaryOp op, float alpha, Tensor x) {
        if (x.dtype() == DType.INT32 && (op == UnaryOp.NEG || op == UnaryOp.ABS)) {
            return IntegerValued.viaFloat(x, v -> Pointwise.apply(op, alpha, v));
        }
        return Pointwise.apply(op, alpha, x);
    }

    /** A differentiable unary function; neg and abs keep INT32 input INT32, as PyTorch. */
    public static Tensor unary(UnaryOp op, Tensor x) {
        return unary(op, 0f, x);
    }

    /** A comparison mask (1 where true, 0 elsewhere); not differentiable. */
    public static Tensor compare(BinaryOp op, Tensor a, Tensor b) {
        return Kernels.binary(op.name().toLowerCase(java.util.Locale.ROOT), op, a, b);
    }

    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Where.apply(cond, a, b);
    }
}
