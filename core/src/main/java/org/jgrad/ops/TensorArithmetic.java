package org.jgrad.ops;

import java.util.Locale;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;
import org.jgrad.internal.StaticOps;

/**
 * {@link Tensor}'s elementwise arithmetic (broadcasting) and comparisons. Java has no partial
 * classes: Tensor's op methods are grouped by concept in a chain of abstract classes here, where
 * the package-private op classes are visible, so that they are the one way to call an op. Users
 * see these methods on {@link Tensor}; only Tensor extends this chain.
 */
public abstract class TensorArithmetic {
    static {
        StaticOps.register(new StaticOpsHook());
    }

    /** Only {@link Tensor} extends this chain; the check keeps it that way. */
    protected TensorArithmetic() {
        if (getClass() != Tensor.class) {
            throw new IllegalStateException("only org.jgrad.Tensor extends " + TensorArithmetic.class.getName());
        }
    }

    /** This object as the tensor it is. */
    final Tensor self() {
        return (Tensor) this;
    }

    /** A differentiable unary function; neg and abs keep INT32 input INT32, as PyTorch. */
    final Tensor unary(UnaryOp op) {
        if (self().dtype() == DType.INT32 && (op == UnaryOp.NEG || op == UnaryOp.ABS)) {
            return IntegerValued.viaFloat(self(), v -> Pointwise.apply(op, 0f, v));
        }
        return Pointwise.apply(op, 0f, self());
    }

    /** A comparison mask (1 where true, 0 elsewhere); not differentiable. */
    private Tensor compare(BinaryOp op, Tensor other) {
        return Kernels.binary(op.name().toLowerCase(Locale.ROOT), op, self(), other);
    }

    public Tensor add(Tensor other) {
        return Binary.apply(BinaryOp.ADD, self(), other);
    }

    public Tensor add(float value) {
        return Binary.apply(BinaryOp.ADD, self(), Tensors.scalarLike(self(), value));
    }

    public Tensor sub(Tensor other) {
        return Binary.apply(BinaryOp.SUB, self(), other);
    }

    public Tensor sub(float value) {
        return Binary.apply(BinaryOp.SUB, self(), Tensors.scalarLike(self(), value));
    }

    public Tensor mul(Tensor other) {
        return Binary.apply(BinaryOp.MUL, self(), other);
    }

    public Tensor mul(float value) {
        return Binary.apply(BinaryOp.MUL, self(), Tensors.scalarLike(self(), value));
    }

    public Tensor div(Tensor other) {
        return Binary.apply(BinaryOp.DIV, self(), other);
    }

    public Tensor div(float value) {
        return Binary.apply(BinaryOp.DIV, self(), Tensors.scalarLike(self(), value));
    }

    /** this ** exponent, elementwise. */
    public Tensor pow(Tensor exponent) {
        return Binary.apply(BinaryOp.POW, self(), exponent);
    }

    public Tensor pow(float exponent) {
        return Binary.apply(BinaryOp.POW, self(), Tensors.scalarLike(self(), exponent));
    }

    /** Elementwise maximum (NaN propagates). */
    public Tensor maximum(Tensor other) {
        return Binary.apply(BinaryOp.MAXIMUM, self(), other);
    }

    /** Elementwise minimum (NaN propagates). */
    public Tensor minimum(Tensor other) {
        return Binary.apply(BinaryOp.MINIMUM, self(), other);
    }

    /** Limits values to [min, max]; the gradient passes where min {@literal <=} x {@literal <=} max. */
    public Tensor clamp(float min, float max) {
        return Clamp.apply(self(), min, max);
    }

    public Tensor neg() {
        return unary(UnaryOp.NEG);
    }

    public Tensor exp() {
        return unary(UnaryOp.EXP);
    }

    public Tensor log() {
        return unary(UnaryOp.LOG);
    }

    public Tensor sqrt() {
        return unary(UnaryOp.SQRT);
    }

    public Tensor abs() {
        return unary(UnaryOp.ABS);
    }

    // ---- comparisons: FLOAT32 masks of 1 and 0, no gradient ----

    public Tensor eq(Tensor other) {
        return compare(BinaryOp.EQ, other);
    }

    public Tensor ne(Tensor other) {
        return compare(BinaryOp.NE, other);
    }

    public Tensor lt(Tensor other) {
        return compare(BinaryOp.LT, other);
    }

    public Tensor le(Tensor other) {
        return compare(BinaryOp.LE, other);
    }

    public Tensor gt(Tensor other) {
        return compare(BinaryOp.GT, other);
    }

    public Tensor ge(Tensor other) {
        return compare(BinaryOp.GE, other);
    }

    public Tensor eq(float value) {
        return eq(Tensors.scalarLike(self(), value));
    }

    public Tensor ne(float value) {
        return ne(Tensors.scalarLike(self(), value));
    }

    public Tensor lt(float value) {
        return lt(Tensors.scalarLike(self(), value));
    }

    public Tensor le(float value) {
        return le(Tensors.scalarLike(self(), value));
    }

    public Tensor gt(float value) {
        return gt(Tensors.scalarLike(self(), value));
    }

    public Tensor ge(float value) {
        return ge(Tensors.scalarLike(self(), value));
    }

    /** This where {@code condition} is non-zero, else {@code other} (all three broadcast), as PyTorch's {@code x.where(cond, y)}. */
    public Tensor where(Tensor condition, Tensor other) {
        return Where.apply(condition, self(), other);
    }
}
