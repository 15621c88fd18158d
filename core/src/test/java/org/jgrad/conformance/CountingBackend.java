package org.jgrad.conformance;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jgrad.DType;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.SgdConfig;
import org.jgrad.backend.UnaryOp;

/**
 * The backend under test, wrapped to count the buffers it holds: allocations not yet freed, and
 * frees of buffers that were already freed. Lets the memory tests see what the core releases.
 */
final class CountingBackend implements Backend {
    private final Backend inner;
    private final Set<Buffer> live = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private int doubleFrees;

    CountingBackend(Backend inner) {
        this.inner = inner;
    }

    /** Buffers allocated and not yet freed. */
    int live() {
        return live.size();
    }

    /** Frees of a buffer this backend had already freed (the core should free each buffer once). */
    synchronized int doubleFrees() {
        return doubleFrees;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return "counting " + inner.description();
    }

    @Override
    public Buffer allocate(DType dtype, int length) {
        Buffer buffer = inner.allocate(dtype, length);
        live.add(buffer);
        return buffer;
    }

    @Override
    public void free(Buffer buffer) {
        if (!live.remove(buffer)) {
            synchronized (this) {
                doubleFrees++;
            }
        }
        inner.free(buffer);
    }

    @Override
    public void upload(float[] src, Buffer dst) {
        inner.upload(src, dst);
    }

    @Override
    public void upload(int[] src, Buffer dst) {
        inner.upload(src, dst);
    }

    @Override
    public float[] downloadFloat(Buffer src) {
        return inner.downloadFloat(src);
    }

    @Override
    public int[] downloadInt(Buffer src) {
        return inner.downloadInt(src);
    }

    @Override
    public void fill(Buffer dst, float value) {
        inner.fill(dst, value);
    }

    @Override
    public void cast(Buffer src, Buffer dst) {
        inner.cast(src, dst);
    }

    @Override
    public void unary(UnaryOp op, float alpha, Buffer x, Buffer out) {
        inner.unary(op, alpha, x, out);
    }

    @Override
    public void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out) {
        inner.binary(op, shape, a, aStrides, b, bStrides, out);
    }

    @Override
    public void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b, int[] bStrides,
                      Buffer out) {
        inner.where(shape, cond, condStrides, a, aStrides, b, bStrides, out);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out) {
        this.inner.reduce(op, x, outer, size, inner, out);
    }

    @Override
    public void gemm(GemmShape shape, Buffer a, Buffer b, Buffer c) {
        inner.gemm(shape, a, b, c);
    }

    @Override
    public void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset, int[] dstStrides) {
        inner.copy(shape, src, srcOffset, srcStrides, dst, dstOffset, dstStrides);
    }

    @Override
    public void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        inner.im2col(g, padValue, image, columns);
    }

    @Override
    public void col2im(ConvGeometry g, Buffer columns, Buffer image) {
        inner.col2im(g, columns, image);
    }

    @Override
    public void gather(Buffer src, int outer, int srcSize, int inner, Buffer index, int indexSize, Buffer out) {
        this.inner.gather(src, outer, srcSize, inner, index, indexSize, out);
    }

    @Override
    public void scatterAdd(Buffer src, int outer, int indexSize, int inner, Buffer index, int outSize, Buffer out) {
        this.inner.scatterAdd(src, outer, indexSize, inner, index, outSize, out);
    }

    @Override
    public void random(Distribution dist, long seed, long offset, float a, float b, Buffer out) {
        inner.random(dist, seed, offset, a, b, out);
    }

    @Override
    public void sgdStep(SgdConfig config, boolean firstStep, Buffer param, Buffer grad, Buffer momentumBuffer) {
        inner.sgdStep(config, firstStep, param, grad, momentumBuffer);
    }

    @Override
    public void adamStep(AdamConfig config, int step, Buffer param, Buffer grad, Buffer expAvg, Buffer expAvgSq,
                         Buffer maxExpAvgSq) {
        inner.adamStep(config, step, param, grad, expAvg, expAvgSq, maxExpAvgSq);
    }

    @Override
    public void close() {
        // the wrapped backend belongs to the test class
    }
}
