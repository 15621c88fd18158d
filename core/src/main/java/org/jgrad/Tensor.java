package org.jgrad;

import java.util.Arrays;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.internal.StaticOps;
import org.jgrad.internal.TensorAccess;
import org.jgrad.ops.TensorShapes;

/**
 * An n-dimensional array on a backend, with reverse-mode autograd. Ops read like PyTorch
 * ({@code x.matmul(w).add(b).relu()}), broadcast by NumPy rules and fail at once, naming the op
 * and both shapes, on shapes that do not fit. Factories are in {@link Tensors}. The op methods are
 * declared by concept in the classes this one extends ({@link org.jgrad.ops.TensorArithmetic} and
 * the chain below it); this file holds the tensor's state, autograd and reading back.
 *
 * <p>A tensor holds backend memory: close it, or create it inside a {@link Scope}; what is
 * dropped unclosed is freed after the garbage collector finds it (at the latest by the next allocation). Tensors are not thread-safe.
 */
public final class Tensor extends TensorShapes implements AutoCloseable {
    private final Storage storage;
    private final int[] shape;
    private final DType dtype;
    private boolean requiresGrad;
    private Tensor grad;
    private Function gradFn;
    private Scope owner;
    private boolean closed;

    static {
        TensorAccess.register(new TensorHook());
    }

    Tensor(Storage storage, int[] shape, DType dtype) {
        this.storage = storage;
        this.shape = shape.clone();
        this.dtype = dtype;
        Scope.track(this);
    }

    /** Wraps a freshly allocated buffer that the new tensor will own; users create tensors with {@link Tensors}. */
    static Tensor wrap(Backend backend, Buffer buffer, int... shape) {
        if (buffer.length() != Shape.numel(shape)) {
            throw new IllegalArgumentException("wrap: buffer of " + buffer.length() + " elements cannot have shape "
                    + Shape.toString(shape));
        }
        return new Tensor(new Storage(backend, buffer), shape, buffer.dtype());
    }

    /** This storage under another shape with the same element count, with no autograd history. */
    Tensor viewStorage(int... newShape) {
        if (Shape.numel(newShape) != numel()) {
            throw new IllegalArgumentException("view: shape " + Shape.toString(shape) + " (" + numel()
                    + " elements) cannot be viewed as " + Shape.toString(newShape));
        }
        return new Tensor(storage.retain(), newShape, dtype);
    }

    // ---- properties ----

    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code dim} (negative counts from the end). */
    public int size(int dim) {
        return shape[Shape.normalizeDim("size", dim, shape.length)];
    }

    /** Number of dimensions. */
    public int dim() {
        return shape.length;
    }

    public int numel() {
        return Shape.numel(shape);
    }

    public DType dtype() {
        return dtype;
    }

    public Backend backend() {
        return storage.backend();
    }

    /** The backend buffer; jgrad's ops reach it through {@link TensorAccess}. */
    Buffer buffer() {
        if (closed) {
            throw new IllegalStateException("tensor of shape " + Shape.toString(shape) + " used after close");
        }
        return storage.buffer();
    }

    /** Whether {@link #close} was called on this tensor. */
    public boolean isClosed() {
        return closed;
    }

    // ---- autograd ----

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf as needing a gradient (FLOAT32 only). Returns this, for chaining. */
    public Tensor requiresGrad(boolean requires) {
        if (gradFn != null) {
            throw new IllegalStateException("requiresGrad: only leaf tensors can be changed; this one was made by "
                    + gradFn.name() + " (use detach() first)");
        }
        if (requires && dtype != DType.FLOAT32) {
            throw new IllegalArgumentException("requiresGrad: only FLOAT32 tensors can have gradients, this one is " + dtype);
        }
        requiresGrad = requires;
        return this;
    }

    /** The accumulated gradient, or null before any backward reached this leaf. */
    public Tensor grad() {
        return grad;
    }

    /** The op that made this tensor, or null for a leaf. */
    public Function gradFn() {
        return gradFn;
    }

    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Frees and clears the gradient. */
    public void zeroGrad() {
        setGrad(null);
    }

    /** Back-propagates from this scalar: d(this)/d(leaf) accumulates into each leaf's {@link #grad()}. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward: called without a gradient on a tensor of shape "
                    + Shape.toString(shape) + "; only a single-element tensor can start backward alone, pass a gradient"
                    + " of the same shape otherwise");
        }
        backward(Tensors.ones(backend(), shape), false);
    }

    /** Back-propagates {@code gradient} (same shape as this) and frees the graph. */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /** Back-propagates {@code gradient} (same shape as this); {@code retainGraph} allows another backward. */
    public void backward(Tensor gradient, boolean retainGraph) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor does not require grad and has no graph; call"
                    + " requiresGrad(true) on the leaves it is computed from");
        }
        if (!Arrays.equals(gradient.shape, shape)) {
            throw new IllegalArgumentException("backward: gradient of shape " + Shape.toString(gradient.shape)
                    + " given for a tensor of shape " + Shape.toString(shape));
        }
        Autograd.backward(this, gradient, retainGraph);
    }

    /** The same values, cut from the graph (shares storage). */
    public Tensor detach() {
        return viewStorage(shape);
    }

    void attach(Function fn) {
        gradFn = fn;
        requiresGrad = true;
    }

    /** Adds to this leaf's gradient; the gradient tensor belongs to the leaf, not to any scope. */
    void accumulateGrad(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        Tensor sum = grad == null ? StaticOps.copy(g) : grad.add(g);
        setGrad(sum);
    }

    /**
     * Replaces the gradient (closing the old one), as assigning PyTorch's {@code .grad}; used by
     * gradient clipping. The tensor now belongs to this leaf, outside any scope. Null clears it.
     */
    public void setGrad(Tensor newGrad) {
        if (newGrad != null && !Arrays.equals(newGrad.shape, shape)) {
            throw new IllegalArgumentException("setGrad: gradient of shape " + Shape.toString(newGrad.shape)
                    + " for a tensor of shape " + Shape.toString(shape));
        }
        if (grad != null && grad != newGrad) {
            grad.close();
        }
        grad = newGrad == null ? null : Scope.untrack(newGrad);
    }

    Scope owner() {
        return owner;
    }

    void setOwner(Scope scope) {
        owner = scope;
    }

    // ---- reading back ----

    /** The single value of a one-element tensor (waits for queued work). */
    public float item() {
        if (numel() != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shape.toString(shape) + " has " + numel()
                    + " elements, expected 1");
        }
        return toFloatArray()[0];
    }

    /** All values in row-major order as floats (INT32, FLOAT16 and BFLOAT16 values are converted). */
    public float[] toFloatArray() {
        if (dtype == DType.FLOAT32) {
            return backend().downloadFloat(buffer());
        }
        if (dtype.isHalf()) {
            try (Tensor widened = toType(DType.FLOAT32)) {
                return widened.toFloatArray();
            }
        }
        int[] ints = backend().downloadInt(buffer());
        float[] floats = new float[ints.length];
        for (int i = 0; i < ints.length; i++) {
            floats[i] = ints[i];
        }
        return floats;
    }

    /** All values of an INT32 tensor in row-major order. */
    public int[] toIntArray() {
        if (dtype != DType.INT32) {
            throw new IllegalStateException("toIntArray: tensor is " + dtype + "; use toType(DType.INT32) first");
        }
        return backend().downloadInt(buffer());
    }

    /** This tensor on {@code target} (a copy; this when it is already there). */
    public Tensor to(Backend target) {
        if (target == backend()) {
            return this;
        }
        if (dtype.isHalf()) {
            try (Tensor widened = Tensors.fromArray(target, toFloatArray(), shape)) {
                return widened.toType(dtype);
            }
        }
        return dtype == DType.FLOAT32 ? Tensors.fromArray(target, toFloatArray(), shape)
                : Tensors.fromArray(target, toIntArray(), shape);
    }

    /**
     * This tensor as {@code type}, as PyTorch's {@code tensor.to(dtype)}: this tensor when it has
     * that type already, else a converted copy ({@link #toType}); FLOAT32 to FLOAT16 or BFLOAT16
     * rounds to nearest even, so {@code x.to(BFLOAT16)} halves the memory {@code x} takes.
     */
    public Tensor to(DType type) {
        return type == dtype ? this : toType(type);
    }

    /**
     * Frees this tensor's memory (shared storage goes when its last tensor closes) and its
     * gradient, which belongs to it. Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner = null;
            zeroGrad();
            storage.release();
        }
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
