package org.jgrad;

import java.util.Arrays;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;
import org.jgrad.ops.Activations;
import org.jgrad.ops.Arithmetic;
import org.jgrad.ops.Convolution;
import org.jgrad.ops.Indexing;
import org.jgrad.ops.LinearAlgebra;
import org.jgrad.ops.Movement;
import org.jgrad.ops.Reductions;

/**
 * An n-dimensional array on a backend, with reverse-mode autograd. Ops read like PyTorch
 * ({@code x.matmul(w).add(b).relu()}), broadcast by NumPy rules and fail at once, naming the op
 * and both shapes, on shapes that do not fit. Factories are in {@link Tensors}.
 *
 * <p>A tensor holds backend memory: close it, or create it inside a {@link Scope}; what is
 * dropped unclosed is freed after the garbage collector finds it (at the latest by the next allocation). Tensors are not thread-safe.
 */
public final class Tensor implements AutoCloseable {
    private final Storage storage;
    private final int[] shape;
    private final DType dtype;
    private boolean requiresGrad;
    private Tensor grad;
    private Function gradFn;
    private Scope owner;
    private boolean closed;

    Tensor(Storage storage, int[] shape, DType dtype) {
        this.storage = storage;
        this.shape = shape.clone();
        this.dtype = dtype;
        Scope.track(this);
    }

    /**
     * Wraps a freshly allocated buffer that the new tensor will own. For op and backend
     * implementations; users create tensors with {@link Tensors}.
     */
    public static Tensor wrap(Backend backend, Buffer buffer, int... shape) {
        if (buffer.length() != Shape.numel(shape)) {
            throw new IllegalArgumentException("wrap: buffer of " + buffer.length() + " elements cannot have shape "
                    + Shape.toString(shape));
        }
        return new Tensor(new Storage(backend, buffer), shape, buffer.dtype());
    }

    /**
     * A tensor sharing this one's storage under another shape with the same element count, with
     * no autograd history. {@link #reshape} and {@link #detach} are built on it; use those.
     */
    public Tensor viewStorage(int... newShape) {
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

    /** The backend buffer, for op and backend implementations. */
    public Buffer buffer() {
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
        Tensor sum = grad == null ? Movement.copy(g) : grad.add(g);
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

    // ---- elementwise (broadcasting) ----

    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    public Tensor add(float value) {
        return Arithmetic.add(this, Tensors.scalarLike(this, value));
    }

    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    public Tensor sub(float value) {
        return Arithmetic.sub(this, Tensors.scalarLike(this, value));
    }

    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    public Tensor mul(float value) {
        return Arithmetic.mul(this, Tensors.scalarLike(this, value));
    }

    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    public Tensor div(float value) {
        return Arithmetic.div(this, Tensors.scalarLike(this, value));
    }

    /** this ** exponent, elementwise. */
    public Tensor pow(Tensor exponent) {
        return Arithmetic.pow(this, exponent);
    }

    public Tensor pow(float exponent) {
        return Arithmetic.pow(this, Tensors.scalarLike(this, exponent));
    }

    /** Elementwise maximum (NaN propagates). */
    public Tensor maximum(Tensor other) {
        return Arithmetic.maximum(this, other);
    }

    /** Elementwise minimum (NaN propagates). */
    public Tensor minimum(Tensor other) {
        return Arithmetic.minimum(this, other);
    }

    /** Limits values to [min, max]; the gradient passes where min {@literal <=} x {@literal <=} max. */
    public Tensor clamp(float min, float max) {
        return Arithmetic.clamp(this, min, max);
    }

    public Tensor neg() {
        return Arithmetic.unary(UnaryOp.NEG, this);
    }

    public Tensor exp() {
        return Arithmetic.unary(UnaryOp.EXP, this);
    }

    public Tensor log() {
        return Arithmetic.unary(UnaryOp.LOG, this);
    }

    public Tensor sqrt() {
        return Arithmetic.unary(UnaryOp.SQRT, this);
    }

    public Tensor abs() {
        return Arithmetic.unary(UnaryOp.ABS, this);
    }

    // ---- comparisons: FLOAT32 masks of 1 and 0, no gradient ----

    public Tensor eq(Tensor other) {
        return Arithmetic.compare(BinaryOp.EQ, this, other);
    }

    public Tensor ne(Tensor other) {
        return Arithmetic.compare(BinaryOp.NE, this, other);
    }

    public Tensor lt(Tensor other) {
        return Arithmetic.compare(BinaryOp.LT, this, other);
    }

    public Tensor le(Tensor other) {
        return Arithmetic.compare(BinaryOp.LE, this, other);
    }

    public Tensor gt(Tensor other) {
        return Arithmetic.compare(BinaryOp.GT, this, other);
    }

    public Tensor ge(Tensor other) {
        return Arithmetic.compare(BinaryOp.GE, this, other);
    }

    public Tensor eq(float value) {
        return eq(Tensors.scalarLike(this, value));
    }

    public Tensor ne(float value) {
        return ne(Tensors.scalarLike(this, value));
    }

    public Tensor lt(float value) {
        return lt(Tensors.scalarLike(this, value));
    }

    public Tensor le(float value) {
        return le(Tensors.scalarLike(this, value));
    }

    public Tensor gt(float value) {
        return gt(Tensors.scalarLike(this, value));
    }

    public Tensor ge(float value) {
        return ge(Tensors.scalarLike(this, value));
    }

    /** This where {@code condition} is non-zero, else {@code other} (all three broadcast), as PyTorch's {@code x.where(cond, y)}. */
    public Tensor where(Tensor condition, Tensor other) {
        return Arithmetic.where(condition, this, other);
    }

    // ---- activations ----

    public Tensor relu() {
        return Arithmetic.unary(UnaryOp.RELU, this);
    }

    public Tensor leakyRelu(float negativeSlope) {
        return Activations.leakyRelu(this, negativeSlope);
    }

    public Tensor sigmoid() {
        return Arithmetic.unary(UnaryOp.SIGMOID, this);
    }

    public Tensor tanh() {
        return Arithmetic.unary(UnaryOp.TANH, this);
    }

    /** GELU, exact (erf) form. */
    public Tensor gelu() {
        return Arithmetic.unary(UnaryOp.GELU, this);
    }

    /** Softmax along {@code dim}, computed stably (max subtracted). */
    public Tensor softmax(int dim) {
        return Activations.softmax(this, dim);
    }

    /** log(softmax) along {@code dim}, computed stably as x - max - log(sum(exp(x - max))). */
    public Tensor logSoftmax(int dim) {
        return Activations.logSoftmax(this, dim);
    }

    /** Zeroes each element with probability p and scales the rest by 1/(1-p) (inverted dropout). */
    public Tensor dropout(float p, Generator generator) {
        return Activations.dropout(this, p, generator);
    }

    // ---- reductions ----

    /** Sum of all elements (a scalar). */
    public Tensor sum() {
        return Reductions.sum(this, allDims(), false);
    }

    public Tensor sum(int dim, boolean keepDim) {
        return Reductions.sum(this, new int[] {dim}, keepDim);
    }

    public Tensor sum(int[] dims, boolean keepDim) {
        return Reductions.sum(this, dims, keepDim);
    }

    public Tensor mean() {
        return Reductions.mean(this, allDims(), false);
    }

    public Tensor mean(int dim, boolean keepDim) {
        return Reductions.mean(this, new int[] {dim}, keepDim);
    }

    public Tensor mean(int[] dims, boolean keepDim) {
        return Reductions.mean(this, dims, keepDim);
    }

    /** Variance along {@code dim} with Bessel's correction (unbiased), as PyTorch's default. */
    public Tensor var(int dim, boolean keepDim) {
        return Reductions.var(this, new int[] {dim}, 1, keepDim);
    }

    /** Variance over {@code dims} dividing by N - correction. */
    public Tensor var(int[] dims, int correction, boolean keepDim) {
        return Reductions.var(this, dims, correction, keepDim);
    }

    /** Standard deviation along {@code dim} (unbiased), the square root of {@link #var(int, boolean)}. */
    public Tensor std(int dim, boolean keepDim) {
        return Reductions.std(this, new int[] {dim}, 1, keepDim);
    }

    /** Largest element (a scalar); its gradient is split evenly among the elements that attain it, as PyTorch. */
    public Tensor max() {
        return Reductions.extreme(ReduceOp.MAX, this);
    }

    public Tensor max(int dim, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MAX, this, dim, keepDim);
    }

    public Tensor min() {
        return Reductions.extreme(ReduceOp.MIN, this);
    }

    public Tensor min(int dim, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MIN, this, dim, keepDim);
    }

    /** Index (INT32) of the largest element along {@code dim}, the first on ties. */
    public Tensor argmax(int dim, boolean keepDim) {
        return Reductions.argIndex(ReduceOp.ARGMAX, this, dim, keepDim);
    }

    public Tensor argmin(int dim, boolean keepDim) {
        return Reductions.argIndex(ReduceOp.ARGMIN, this, dim, keepDim);
    }

    // ---- linear algebra and convolution ----

    /**
     * This (..., in) times weight (out, in) transposed, plus bias (out) when not null: PyTorch's
     * {@code F.linear}. The transpose is a GEMM flag, not a copy.
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        return LinearAlgebra.linear(this, weight, bias);
    }

    /** Matrix product; 1-D operands are promoted as in PyTorch, batch dimensions broadcast. */
    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    /** 2-D convolution of this NCHW batch with weight (outC, inC/groups, kH, kW); bias may be null. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return Convolution.conv2d(this, weight, bias, stride, padding, dilation, groups);
    }

    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(weight, bias, stride, padding, 1, 1);
    }

    /** Max pooling; padding counts as negative infinity. */
    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return Convolution.maxPool2d(this, kernel, stride, padding);
    }

    /** Average pooling; padding counts as zeros in the average (PyTorch's count_include_pad). */
    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return Convolution.avgPool2d(this, kernel, stride, padding);
    }

    // ---- shape and movement ----

    /** Same elements, new shape; one dimension may be -1 (inferred). Shares storage. */
    public Tensor reshape(int... newShape) {
        return Movement.reshape(this, newShape);
    }

    public Tensor permute(int... dims) {
        return Movement.permute(this, dims);
    }

    public Tensor transpose(int dim0, int dim1) {
        return Movement.transpose(this, dim0, dim1);
    }

    /** Removes every dimension of size 1. */
    public Tensor squeeze() {
        return Movement.squeeze(this);
    }

    public Tensor squeeze(int dim) {
        return Movement.squeeze(this, dim);
    }

    public Tensor unsqueeze(int dim) {
        return Movement.unsqueeze(this, dim);
    }

    public Tensor flatten() {
        return reshape(numel());
    }

    /** Merges dimensions startDim..endDim (inclusive) into one. */
    public Tensor flatten(int startDim, int endDim) {
        return Movement.flatten(this, startDim, endDim);
    }

    /** The {@code length} entries of {@code dim} from {@code start} (a negative start counts from the end). */
    public Tensor narrow(int dim, int start, int length) {
        return Movement.narrow(this, dim, start, length);
    }

    /** Entries [start, end) of {@code dim}; negative bounds count from the end. */
    public Tensor slice(int dim, int start, int end) {
        return Movement.slice(this, dim, start, end);
    }

    /** Repeats size-1 dimensions (and new leading ones) up to {@code newShape}; -1 keeps a size. */
    public Tensor expand(int... newShape) {
        return Movement.expand(this, newShape);
    }

    public Tensor broadcastTo(int... newShape) {
        return Movement.expand(this, newShape);
    }

    // ---- indexing and types ----

    /** out[i][j] = this[i][index[i][j]] along {@code dim}; index is INT32 with this tensor's rank. */
    public Tensor gather(int dim, Tensor index) {
        return Indexing.gather(this, dim, index);
    }

    /** The entries of {@code dim} listed by the 1-D INT32 {@code index}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /** One-hot FLOAT32 encoding of this INT32 tensor: a new last dimension of {@code numClasses}. */
    public Tensor oneHot(int numClasses) {
        return Indexing.oneHot(this, numClasses);
    }

    /** A copy converted to {@code type} (FLOAT32 to INT32 rounds toward zero); no gradient. */
    public Tensor toType(DType type) {
        return Indexing.cast(this, type);
    }

    /**
     * This tensor as {@code type}, as PyTorch's {@code tensor.to(dtype)}: this tensor when it has
     * that type already, else a converted copy ({@link #toType}); FLOAT32 to FLOAT16 or BFLOAT16
     * rounds to nearest even, so {@code x.to(BFLOAT16)} halves the memory {@code x} takes.
     */
    public Tensor to(DType type) {
        return type == dtype ? this : toType(type);
    }

    private int[] allDims() {
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i;
        }
        return dims;
    }
}
