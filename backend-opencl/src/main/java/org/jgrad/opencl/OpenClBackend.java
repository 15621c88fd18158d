package org.jgrad.opencl;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.Extents;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.HalfFloats;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;
import org.jgrad.backend.UnaryOp;
import org.jgrad.backend.device.MemoryStats;
import org.jgrad.backend.device.SizeClasses;
import org.lwjgl.system.MemoryUtil;

/**
 * The OpenCL backend: one device, one in-order queue. Every primitive queues its kernels and
 * returns; only the downloads (and an index check whose range the host cannot know) wait.
 * Calls are serialised (kernel arguments are set on shared kernel objects), so tensors may be
 * freed from the Cleaner's thread. Each area's kernels live in their own class.
 */
public final class OpenClBackend implements Backend {
    private final ClRuntime cl;
    private final ElementwiseOps elementwise;
    private final ReduceOps reductions;
    private final GemmOps gemm;
    private final ConvOps conv;
    private final IndexingOps indexing;
    private final RandomOps random;
    private final OptimizerOps optimizers;

    OpenClBackend(ClDevice device) {
        cl = new ClRuntime(device);
        elementwise = new ElementwiseOps(cl);
        reductions = new ReduceOps(cl);
        gemm = new GemmOps(cl);
        conv = new ConvOps(cl);
        indexing = new IndexingOps(cl, (ClBuffer) allocate(DType.INT32, 1));
        random = new RandomOps(cl);
        optimizers = new OptimizerOps(cl);
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        return "opencl on " + cl.device().describe();
    }

    /** Whether the device is a CPU (PoCL, say) rather than a GPU or accelerator. */
    public boolean onCpuDevice() {
        return cl.device().cpu();
    }

    /** Live and cached device memory, for tests and diagnostics. */
    public MemoryStats memoryStats() {
        return cl.allocator().stats();
    }

    @Override
    public synchronized Buffer allocate(DType dtype, int length) {
        ClBuffer buffer = allocateUninitialized(dtype, length);
        cl.fill(buffer.mem(), 0, wordBytes(dtype, length));
        buffer.knownRange(dtype == DType.INT32 ? new int[] {0, 0} : null);
        return buffer;
    }

    /** A 16-bit value twice over, the 32-bit fill pattern of a FLOAT16 or BFLOAT16 buffer. */
    private static int halfWord(short bits) {
        return (bits & 0xFFFF) << 16 | (bits & 0xFFFF);
    }

    /** The bytes of {@code length} elements, rounded up to whole 32-bit words (fills write words). */
    private static long wordBytes(DType dtype, int length) {
        return ((long) dtype.bytes() * length + 3) / 4 * 4;
    }

    /** A recycled allocation, not zeroed: every op output is written in full before it is read. */
    @Override
    public synchronized ClBuffer allocateUninitialized(DType dtype, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("allocate: negative length " + length);
        }
        // an empty buffer still holds an allocation: a cl_mem of 0 marks a freed buffer
        long bytes = Math.max(1, wordBytes(dtype, length));
        return new ClBuffer(dtype, length, cl.allocator().allocate(bytes), SizeClasses.classOf(bytes));
    }

    @Override
    public synchronized void free(Buffer buffer) {
        ClBuffer b = ClBuffer.of(buffer);
        long mem = b.release();
        if (mem != 0) {
            cl.allocator().free(mem, b.capacityBytes());
        }
    }

    @Override
    public synchronized void upload(float[] src, Buffer dst) {
        ClBuffer d = ClBuffer.of(dst).expect(DType.FLOAT32, "upload", "dst");
        Extents.checkLength("upload", "host array", src.length, d.length());
        if (src.length > 0) {
            ByteBuffer host = cl.stage(4 * src.length);
            host.asFloatBuffer().put(src);
            cl.write(d.mem(), host);
        }
    }

    @Override
    public synchronized void upload(int[] src, Buffer dst) {
        ClBuffer d = ClBuffer.of(dst).expect(DType.INT32, "upload", "dst");
        Extents.checkLength("upload", "host array", src.length, d.length());
        d.knownRange(IndexRange.of(src));
        if (src.length > 0) {
            ByteBuffer host = cl.stage(4 * src.length);
            host.asIntBuffer().put(src);
            cl.write(d.mem(), host);
        }
    }

    @Override
    public synchronized float[] downloadFloat(Buffer src) {
        ClBuffer s = ClBuffer.of(src).expect(DType.FLOAT32, "downloadFloat", "src");
        float[] out = new float[s.length()];
        read(s, host -> host.asFloatBuffer().get(out));
        return out;
    }

    @Override
    public synchronized int[] downloadInt(Buffer src) {
        ClBuffer s = ClBuffer.of(src).expect(DType.INT32, "downloadInt", "src");
        int[] out = new int[s.length()];
        read(s, host -> host.asIntBuffer().get(out));
        return out;
    }

    /** Reads the whole buffer into native memory (waiting for queued work) and hands it to {@code copy}. */
    private void read(ClBuffer s, Consumer<ByteBuffer> copy) {
        if (s.length() == 0) {
            return;
        }
        ByteBuffer host = MemoryUtil.memAlloc(4 * s.length());
        try {
            cl.read(s.mem(), 0, host);
            copy.accept(host);
        } finally {
            MemoryUtil.memFree(host);
        }
    }

    @Override
    public synchronized void fill(Buffer dst, float value) {
        ClBuffer d = ClBuffer.of(dst);
        boolean ints = d.dtype() == DType.INT32;
        d.knownRange(ints ? new int[] {(int) value, (int) value} : null);
        int word = switch (d.dtype()) {
            case FLOAT32 -> Float.floatToRawIntBits(value);
            case INT32 -> (int) value;
            case FLOAT16 -> halfWord(HalfFloats.floatToFloat16(value));
            case BFLOAT16 -> halfWord(HalfFloats.floatToBfloat16(value));
        };
        cl.fill(d.mem(), word, wordBytes(d.dtype(), d.length()));
    }

    @Override
    public synchronized void cast(Buffer src, Buffer dst) {
        elementwise.cast(ClBuffer.of(src), ClBuffer.of(dst));
    }

    @Override
    public synchronized void unary(UnaryOp op, float alpha, Buffer x, Buffer out) {
        elementwise.unary(op, alpha, ClBuffer.of(x), ClBuffer.of(out));
    }

    @Override
    public synchronized void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides,
                                    Buffer out) {
        elementwise.binary(op, shape, ClBuffer.of(a), aStrides, ClBuffer.of(b), bStrides, ClBuffer.of(out));
    }

    @Override
    public synchronized void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b,
                                   int[] bStrides, Buffer out) {
        elementwise.where(shape, ClBuffer.of(cond), condStrides, ClBuffer.of(a), aStrides, ClBuffer.of(b), bStrides,
                ClBuffer.of(out));
    }

    @Override
    public synchronized void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out) {
        reductions.reduce(op, ClBuffer.of(x), outer, size, inner, ClBuffer.of(out));
    }

    @Override
    public synchronized void gemm(GemmShape shape, Buffer a, Buffer b, Buffer c) {
        gemm.gemm(shape, ClBuffer.of(a), ClBuffer.of(b), ClBuffer.of(c));
    }

    @Override
    public synchronized void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset,
                                  int[] dstStrides) {
        elementwise.copy(shape, ClBuffer.of(src), srcOffset, srcStrides, ClBuffer.of(dst), dstOffset, dstStrides);
    }

    @Override
    public synchronized void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        conv.im2col(g, padValue, ClBuffer.of(image), ClBuffer.of(columns));
    }

    @Override
    public synchronized void col2im(ConvGeometry g, Buffer columns, Buffer image) {
        conv.col2im(g, ClBuffer.of(columns), ClBuffer.of(image));
    }

    @Override
    public synchronized void gather(Buffer src, int outer, int srcSize, int inner, Buffer index, int indexSize,
                                    Buffer out) {
        indexing.gather(ClBuffer.of(src), outer, srcSize, inner, ClBuffer.of(index), indexSize, ClBuffer.of(out));
    }

    @Override
    public synchronized void scatterAdd(Buffer src, int outer, int indexSize, int inner, Buffer index, int outSize,
                                        Buffer out) {
        indexing.scatterAdd(ClBuffer.of(src), outer, indexSize, inner, ClBuffer.of(index), outSize, ClBuffer.of(out));
    }

    @Override
    public synchronized void random(Distribution dist, long seed, long offset, float a, float b, Buffer out) {
        random.random(dist, seed, offset, a, b, ClBuffer.of(out));
    }

    @Override
    public synchronized void sgdStep(SgdConfig config, boolean firstStep, Buffer param, Buffer grad,
                                     Buffer momentumBuffer) {
        optimizers.sgd(config, firstStep, ClBuffer.of(param), ClBuffer.of(grad), optional(momentumBuffer));
    }

    @Override
    public synchronized void adamStep(AdamConfig config, int step, Buffer param, Buffer grad, Buffer expAvg,
                                      Buffer expAvgSq, Buffer maxExpAvgSq) {
        optimizers.adam(config, step, ClBuffer.of(param), ClBuffer.of(grad), ClBuffer.of(expAvg), ClBuffer.of(expAvgSq),
                optional(maxExpAvgSq));
    }

    @Override
    public synchronized void rmspropStep(RmspropConfig config, Buffer param, Buffer grad, Buffer squareAvg,
                                         Buffer momentumBuffer, Buffer gradAvg) {
        optimizers.rmsprop(config, ClBuffer.of(param), ClBuffer.of(grad), ClBuffer.of(squareAvg),
                optional(momentumBuffer), optional(gradAvg));
    }

    @Override
    public synchronized void adagradStep(AdagradConfig config, int step, Buffer param, Buffer grad, Buffer sum) {
        optimizers.adagrad(config, step, ClBuffer.of(param), ClBuffer.of(grad), ClBuffer.of(sum));
    }

    private static ClBuffer optional(Buffer buffer) {
        return buffer == null ? null : ClBuffer.of(buffer);
    }

    @Override
    public synchronized void close() {
        cl.close();
    }

    @Override
    public String toString() {
        return description();
    }
}
