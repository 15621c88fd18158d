package org.jgrad.backend;

import org.jgrad.DType;

/**
 * The primitives a compute backend implements; everything else (tensor ops, autograd, layers,
 * optimizers) is written once on top of them. Buffers are dense; all shapes, strides and offsets
 * are in elements, row-major. Unless stated, inputs and outputs are FLOAT32 and an output never
 * aliases an input. GPU backends may queue any call; only the download methods must wait for the
 * work before them to finish.
 *
 * <p>A new backend implements this interface's abstract methods and a {@link BackendProvider},
 * and passes the conformance suite in jgrad-core's test-jar; the default methods (max pooling, the
 * optimizer steps, uninitialized allocation) work on the abstract ones and are overridden for speed.
 * Device machinery a GPU backend needs (caching allocator, dimension merging) is in
 * {@code org.jgrad.backend.device}.
 */
public interface Backend extends AutoCloseable {

    /** Short lower-case name used to choose this backend: "cpu", "cuda", "opencl". */
    String name();

    /** A one-line description of the device, for logs. */
    String description();

    // ---- memory ----

    /**
     * A new buffer of {@code length} elements of any dtype, all zero; FLOAT16 and BFLOAT16 take
     * two bytes an element and only allocate, fill, cast, copy and free need to accept them.
     */
    Buffer allocate(DType dtype, int length);

    /**
     * A new buffer of {@code length} elements whose contents are unspecified, for an output the
     * caller overwrites completely before anything reads it (as {@code torch.empty}). Skipping the
     * zeroing matters where activations are allocated and written every step. The default returns
     * {@link #allocate}'s zeroed buffer, which is always correct; a backend that recycles memory
     * overrides it.
     */
    default Buffer allocateUninitialized(DType dtype, int length) {
        return allocate(dtype, length);
    }

    /**
     * Releases a buffer; using it afterwards is an error. Freeing twice is a no-op. May run on the
     * reclaimer's thread or on any allocating thread (for a tensor the garbage collector found
     * unreachable) while another thread calls the other primitives: it must be thread-safe with
     * respect to them.
     */
    void free(Buffer buffer);

    void upload(float[] src, Buffer dst);

    void upload(int[] src, Buffer dst);

    /** Copies a FLOAT32 buffer to the host; waits for queued work. */
    float[] downloadFloat(Buffer src);

    /** Copies an INT32 buffer to the host; waits for queued work. */
    int[] downloadInt(Buffer src);

    /** Sets every element to {@code value} (rounded toward zero for INT32, to nearest even for 16-bit types). */
    void fill(Buffer dst, float value);

    /**
     * Converts {@code src} to {@code dst}'s dtype elementwise: a copy for equal dtypes, else
     * FLOAT32 to or from INT32 (to INT32 rounds toward zero), FLOAT16 or BFLOAT16 (to them rounds to
     * nearest even, as {@link HalfFloats}). The core routes other pairs through FLOAT32.
     */
    void cast(Buffer src, Buffer dst);

    // ---- elementwise ----

    /** out[i] = op(x[i]) for i below x.length(). */
    void unary(UnaryOp op, float alpha, Buffer x, Buffer out);

    /**
     * out[idx] = op(a[idx . aStrides], b[idx . bStrides]) over every index of {@code shape}; a
     * stride of 0 broadcasts that dimension. {@code out} is contiguous with {@code shape}.
     */
    void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out);

    /** out[idx] = cond[idx] != 0 ? a[idx] : b[idx], each read through its strides as in {@link #binary}. */
    void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out);

    // ---- reductions ----

    /**
     * Reduces the middle axis of {@code x} viewed as (outer, size, inner) into {@code out} viewed as
     * (outer, inner). {@code size} is at least 1.
     */
    void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out);

    // ---- linear algebra and movement ----

    /** Batched GEMM as described by {@code shape}; reads and writes only the elements it addresses. */
    void gemm(GemmShape shape, Buffer a, Buffer b, Buffer c);

    /**
     * Prepares B for a run of products by {@link #gemm(GemmShape, Buffer, PreparedB, Buffer)} that
     * share it; {@code shape} is one of them (one batch entry). The default keeps B as it is; a
     * backend may copy it into its kernel's layout once instead of at every product. The results
     * are those of {@link #gemm(GemmShape, Buffer, Buffer, Buffer)} with B itself, to the bit.
     */
    default PreparedB prepareGemmB(GemmShape shape, Buffer b) {
        Extents.checkGemmB(shape, b.length());
        return new PreparedB.Plain(shape, b);
    }

    /** C = alpha op(A) op(B) + beta C with a prepared B, which must fit {@code shape} (see {@link PreparedB#requireFits}). */
    default void gemm(GemmShape shape, Buffer a, PreparedB b, Buffer c) {
        b.requireFits(shape);
        gemm(shape, a, b.buffer(), c);
    }

    /**
     * dst[dstOffset + idx . dstStrides] = src[srcOffset + idx . srcStrides] for every index of
     * {@code shape}. Both buffers have the same dtype (either). Serves permute, slice, cat, expand.
     */
    void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset, int[] dstStrides);

    // ---- convolution ----

    /** Unfolds an NCHW batch into columns (see {@link ConvGeometry}); padding reads {@code padValue}. */
    void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns);

    /** Folds columns back into an NCHW batch, summing overlapping windows; overwrites {@code image}. */
    void col2im(ConvGeometry g, Buffer columns, Buffer image);

    /**
     * As {@link #im2col}, with the columns of the whole batch side by side: (channels * kernelH *
     * kernelW, batch * outH * outW), row (c, ki, kj), column (n, oh, ow), so that one GEMM convolves
     * the batch. The default unfolds with {@link #im2col} and permutes with {@link #copy}.
     */
    default void im2colAcrossBatch(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        Buffer perImage = allocateUninitialized(DType.FLOAT32, g.batch() * g.colRows() * g.colCols());
        im2col(g, padValue, image, perImage);
        int[] shape = {g.batch(), g.colRows(), g.colCols()};
        copy(shape, perImage, 0, perImageStrides(g), columns, 0, acrossBatchStrides(g));
        free(perImage);
    }

    /** The adjoint of {@link #im2colAcrossBatch}, as {@link #col2im}; the default permutes and folds. */
    default void col2imAcrossBatch(ConvGeometry g, Buffer columns, Buffer image) {
        Buffer perImage = allocateUninitialized(DType.FLOAT32, g.batch() * g.colRows() * g.colCols());
        int[] shape = {g.batch(), g.colRows(), g.colCols()};
        copy(shape, columns, 0, acrossBatchStrides(g), perImage, 0, perImageStrides(g));
        col2im(g, perImage, image);
        free(perImage);
    }

    /** Strides of element (n, row, column) in im2col's per-image layout. */
    private static int[] perImageStrides(ConvGeometry g) {
        return new int[] {g.colRows() * g.colCols(), g.colCols(), 1};
    }

    /** Strides of element (n, row, column) in {@link #im2colAcrossBatch}'s layout. */
    private static int[] acrossBatchStrides(ConvGeometry g) {
        return new int[] {g.colCols(), g.batch() * g.colCols(), 1};
    }

    /**
     * Convolution without bias (cross-correlation, as PyTorch's conv2d): {@code image} (batch,
     * channels, height, width) with {@code weight} (outChannels, channels / groups, kernelH, kernelW)
     * into {@code out} (batch, outChannels, outH, outW). Each output element is one chain in a fixed
     * order, that of the GEMM of the kernels with {@link #im2colAcrossBatch}'s columns (zero padding):
     * from 0, fma(weight(o, r), column(r, (n, oh, ow)), acc) for r = (c, ki, kj) in order. The
     * default computes exactly that (one GEMM per group, then a permute); a backend overrides it with a
     * direct kernel that skips the column matrix.
     */
    default void conv2d(ConvGeometry g, int outChannels, int groups, Buffer image, Buffer weight, Buffer out) {
        ComposedConvolution.forward(this, g, outChannels, groups, image, weight, out);
    }

    /**
     * The gradients of {@link #conv2d} from {@code grad} (batch, outChannels, outH, outW): into
     * {@code gradImage} (shape of image) and {@code gradWeight} (shape of weight), each skipped when
     * null, both overwritten. gradImage is {@link #col2imAcrossBatch} of the columns' gradient, whose
     * element (r, (n, p)) is the chain from 0 of fma(weight(o, r), grad(n, o, p), acc) over o;
     * gradWeight(o, r) is the chain from 0 of fma(column(r, j), grad(o, j), acc) over every window
     * j = (n, oh, ow) in order. The default computes these with im2col, GEMM and col2im.
     */
    default void conv2dBackward(ConvGeometry g, int outChannels, int groups, Buffer image, Buffer weight, Buffer grad,
                                Buffer gradImage, Buffer gradWeight) {
        ComposedConvolution.backward(this, g, outChannels, groups, image, weight, grad, gradImage, gradWeight);
    }

    /**
     * Max pooling: argmax(p, o) (INT32) = the first tap (ki * kernelW + kj) of window o of plane
     * p = (image, channel) that holds a NaN, else the first that holds the largest value, padding
     * reading negative infinity (as {@link ReduceOp#ARGMAX}); out(p, o) = that largest value (or
     * NaN; where -0 and +0 tie either may be reported). Both are (batch * channels, outH * outW).
     * The default unfolds the windows with {@link #im2col} and reduces them; backends override it
     * with a direct loop that skips the column buffer.
     */
    default void maxPool2d(ConvGeometry g, Buffer image, Buffer out, Buffer argmax) {
        int planes = g.batch() * g.channels();
        int taps = g.kernelH() * g.kernelW();
        Buffer windows = allocateUninitialized(DType.FLOAT32, planes * taps * g.colCols());
        im2col(g, Float.NEGATIVE_INFINITY, image, windows);
        reduce(ReduceOp.MAX, windows, planes, taps, g.colCols(), out);
        reduce(ReduceOp.ARGMAX, windows, planes, taps, g.colCols(), argmax);
        free(windows);
    }

    /**
     * The gradient of {@link #maxPool2d}: overwrites {@code gradImage} with, at each pixel, the sum
     * of grad over the windows whose argmax tap reads it (taps in the padding drop theirs).
     */
    default void maxPool2dBackward(ConvGeometry g, Buffer grad, Buffer argmax, Buffer gradImage) {
        int planes = g.batch() * g.channels();
        int taps = g.kernelH() * g.kernelW();
        Buffer windows = allocate(DType.FLOAT32, planes * taps * g.colCols());
        scatterAdd(grad, planes, 1, g.colCols(), argmax, taps, windows);
        col2im(g, windows, gradImage);
        free(windows);
    }

    // ---- activations and normalisation ----

    /**
     * ReLU's gradient (PyTorch's threshold_backward at 0): {@code out[i] = grad[i] * (x[i] <= 0 ? 0 : 1)},
     * so a NaN input passes the gradient, for i below x.length(). The default composes
     * {@link #binary} LE, SUB and MUL, the same arithmetic element by element.
     */
    default void reluBackward(Buffer x, Buffer grad, Buffer out) {
        int[] shape = {x.length()};
        int[] dense = {1};
        int[] scalar = {0};
        Buffer zero = allocate(DType.FLOAT32, 1);
        Buffer one = allocate(DType.FLOAT32, 1);
        fill(one, 1f);
        Buffer clamped = allocateUninitialized(DType.FLOAT32, x.length());
        Buffer passes = allocateUninitialized(DType.FLOAT32, x.length());
        binary(BinaryOp.LE, shape, x, dense, zero, scalar, clamped);
        binary(BinaryOp.SUB, shape, one, scalar, clamped, dense, passes);
        binary(BinaryOp.MUL, shape, grad, dense, passes, dense, out);
        free(passes);
        free(clamped);
        free(one);
        free(zero);
    }

    /**
     * Batch normalisation with batch statistics (training mode) of x viewed as (batch, channels,
     * spatial), per channel over batch and spatial (M = batch * spatial values): writes mean,
     * variance (biased), invStd = 1 / sqrt(variance + eps), scale = invStd * weight (invStd when
     * weight is null), all (channels); centered = x - mean and out = centered * scale + bias (no
     * add when bias is null), both like x. The arithmetic is {@link ComposedBatchNorm}'s, the
     * default: a channel's sum is the sum over n in order of {@link #reduce}'s row sums.
     */
    default void batchNormForward(int batch, int channels, int spatial, float eps, Buffer x, Buffer weight, Buffer bias,
                                  Buffer centered, Buffer out, Buffer mean, Buffer variance, Buffer invStd, Buffer scale) {
        ComposedBatchNorm.forward(this, new ComposedBatchNorm.Sizes(batch, channels, spatial), eps, x, weight, bias,
                centered, out, mean, variance, invStd, scale);
    }

    /**
     * The gradients of {@link #batchNormForward} from grad (like x) and its centered, invStd and
     * scale: gradBias = sum(grad), gradWeight = invStd * sum(grad * centered) (channels), gradInput =
     * grad * scale + centered * k + c0 with k = -scale * invStd^2 * sum(grad * centered) / M and
     * c0 = -scale * gradBias / M (PyTorch's closed form). Each output is skipped when null; the
     * arithmetic is {@link ComposedBatchNorm}'s, the default.
     */
    default void batchNormBackward(int batch, int channels, int spatial, Buffer grad, Buffer centered, Buffer invStd,
                                   Buffer scale, Buffer gradInput, Buffer gradWeight, Buffer gradBias) {
        ComposedBatchNorm.backward(this, new ComposedBatchNorm.Sizes(batch, channels, spatial), grad, centered, invStd,
                scale, gradInput, gradWeight, gradBias);
    }

    // ---- attention ----

    /**
     * Softmax along each row of a contiguous (rows, cols) matrix, as attention weights need it:
     * out = e^(x - m) / sum over the row of e^(x - m), m the row's maximum (at least -Float.MAX_VALUE,
     * and the sum at least Float.MIN_NORMAL, so that a row that is -inf throughout gives zeros, not
     * NaN). The default composes reduce, binary and unary, a pass over
     * the matrix each; backends override it with one pass per row.
     */
    default void softmaxRows(int rows, int cols, Buffer x, Buffer out) {
        ComposedSoftmax.forward(this, rows, cols, x, out);
    }

    /**
     * The gradient of {@link #softmaxRows} from its output p and the gradient g of the output:
     * dx = p (g - sum over the row of g p), per row. The default composes binary and reduce.
     */
    default void softmaxRowsBackward(int rows, int cols, Buffer p, Buffer g, Buffer dx) {
        ComposedSoftmax.backward(this, rows, cols, p, g, dx);
    }

    // ---- recurrent layers ----

    /**
     * An LSTM layer's recurrence, PyTorch's gate order i, f, g, o. {@code gates} (steps, batch, 4 *
     * hidden) holds each step's input side x W_ih^T + b_ih + b_hh; {@code states} (steps + 1,
     * batch, 2 * hidden) rows [h | c], slot 0 the initial state. For k = 0, 1, ...: block k of the
     * gates gets h_k W_hh^T added ({@code weightHh} (4 * hidden, hidden) as stored, h_k from slot k)
     * and is overwritten with the activations (sigmoid for i, f, o; tanh for g), which
     * {@link #lstmSequenceBackward} reads; slot k + 1 gets c' = f c + i g and h' = o tanh(c'), or
     * slot k's row unchanged where the row is padding. The default is a loop over the steps (a GEMM
     * and a cell composed from copy, unary and binary); a backend overrides it with fewer passes.
     */
    default void lstmSequenceForward(LstmSequence seq, Buffer gates, Buffer weightHh, Buffer states) {
        StepwiseLstm.forward(this, seq, gates, weightHh, states);
    }

    /**
     * The gradient of {@link #lstmSequenceForward} from its activated gates and states and
     * {@code dStates} (steps + 1, batch, 2 * hidden), the gradient with respect to every state
     * slot: writes the gradient with respect to every step's pre-activations into {@code dGates}
     * (steps, batch, 4 * hidden; zero at padded rows) and with respect to the initial state into
     * {@code dInitial} (batch, 2 * hidden). dW_hh is then one GEMM over all steps, the caller's.
     */
    default void lstmSequenceBackward(LstmSequence seq, Buffer gates, Buffer weightHh, Buffer states, Buffer dStates,
                                      Buffer dGates, Buffer dInitial) {
        StepwiseLstm.backward(this, seq, gates, weightHh, states, dStates, dGates, dInitial);
    }

    // ---- indexing ----

    /**
     * Gathers along the middle axis: out(o, j, i) = src(o, index(o, j, i), i), src viewed as
     * (outer, srcSize, inner) and index/out as (outer, indexSize, inner). Index is INT32; an index
     * outside [0, srcSize) throws IndexOutOfBoundsException naming it.
     */
    void gather(Buffer src, int outer, int srcSize, int inner, Buffer index, int indexSize, Buffer out);

    /**
     * The adjoint of {@link #gather}: out(o, index(o, j, i), i) += src(o, j, i), with out viewed as
     * (outer, outSize, inner). Adds to what {@code out} holds.
     */
    void scatterAdd(Buffer src, int outer, int indexSize, int inner, Buffer index, int outSize, Buffer out);

    // ---- random ----

    /** out[i] = {@link Philox#sample}(dist, seed, offset + i, a, b) for every element of out. */
    void random(Distribution dist, long seed, long offset, float a, float b, Buffer out);

    // ---- optimizer updates (in place, one call per parameter) ----
    // The defaults compose the primitives above (several launches and temporaries per step); a
    // backend overrides them with a fused kernel, one pass over the arrays. The suite tests both.

    /**
     * One SGD step on {@code param} from {@code grad}; {@code momentumBuffer} is null when
     * momentum is 0. {@code firstStep} seeds the buffer with the gradient, as PyTorch does.
     */
    default void sgdStep(SgdConfig config, boolean firstStep, Buffer param, Buffer grad, Buffer momentumBuffer) {
        ComposedSteps.sgd(this, config, firstStep, param, grad, momentumBuffer);
    }

    /**
     * One Adam/AdamW step number {@code step} (from 1) on {@code param}; {@code maxExpAvgSq} is
     * null unless AMSGrad is on.
     */
    default void adamStep(AdamConfig config, int step, Buffer param, Buffer grad, Buffer expAvg, Buffer expAvgSq,
                          Buffer maxExpAvgSq) {
        ComposedSteps.adam(this, config, step, param, grad, expAvg, expAvgSq, maxExpAvgSq);
    }

    /**
     * One RMSprop step on {@code param}; {@code momentumBuffer} is null when momentum is 0 and
     * {@code gradAvg} is null unless centered.
     */
    default void rmspropStep(RmspropConfig config, Buffer param, Buffer grad, Buffer squareAvg, Buffer momentumBuffer,
                             Buffer gradAvg) {
        ComposedSteps.rmsprop(this, config, param, grad, squareAvg, momentumBuffer, gradAvg);
    }

    /** One Adagrad step number {@code step} (from 1) on {@code param}, accumulating into {@code sum}. */
    default void adagradStep(AdagradConfig config, int step, Buffer param, Buffer grad, Buffer sum) {
        ComposedSteps.adagrad(this, config, step, param, grad, sum);
    }

    /** Releases the backend's device resources; its buffers become invalid. */
    @Override
    void close();
}
