package org.jgrad.conformance;

import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;

/**
 * The backend under test behind a wrapper that forwards every primitive the SPI requires, and
 * nothing it has a default for: through it, a test runs the SPI's default implementations (the
 * composed optimizer steps, max pooling through im2col) on the backend's own primitives.
 */
class ForwardingBackend implements Backend {
    protected final Backend delegate;

    ForwardingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public Buffer allocate(DType dtype, int length) {
        return delegate.allocate(dtype, length);
    }

    @Override
    public void free(Buffer buffer) {
        delegate.free(buffer);
    }

    @Override
    public void upload(float[] src, Buffer dst) {
        delegate.upload(src, dst);
    }

    @Override
    public void upload(int[] src, Buffer dst) {
        delegate.upload(src, dst);
    }

    @Override
    public float[] downloadFloat(Buffer src) {
        return delegate.downloadFloat(src);
    }

    @Override
    public int[] downloadInt(Buffer src) {
        return delegate.downloadInt(src);
    }

    @Override
    public void fill(Buffer dst, float value) {
        delegate.fill(dst, value);
    }

    @Override
    public void cast(Buffer src, Buffer dst) {
        delegate.cast(src, dst);
    }

    @Override
    public void unary(UnaryOp op, float alpha, Buffer x, Buffer out) {
        delegate.unary(op, alpha, x, out);
    }

    @Override
    public void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out) {
        delegate.binary(op, shape, a, aStrides, b, bStrides, out);
    }

    @Override
    public void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b, int[] bStrides,
                      Buffer out) {
        delegate.where(shape, cond, condStrides, a, aStrides, b, bStrides, out);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int outer, int size, int inner, Buffer out) {
        delegate.reduce(op, x, outer, size, inner, out);
    }

    @Override
    public void gemm(GemmShape shape, Buffer a, Buffer b, Buffer c) {
        delegate.gemm(shape, a, b, c);
    }

    @Override
    public void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset, int[] dstStrides) {
        delegate.copy(shape, src, srcOffset, srcStrides, dst, dstOffset, dstStrides);
    }

    @Override
    public void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        delegate.im2col(g, padValue, image, columns);
    }

    @Override
    public void col2im(ConvGeometry g, Buffer columns, Buffer image) {
        delegate.col2im(g, columns, image);
    }

    @Override
    public void gather(Buffer src, int outer, int srcSize, int inner, Buffer index, int indexSize, Buffer out) {
        delegate.gather(src, outer, srcSize, inner, index, indexSize, out);
    }

    @Override
    public void scatterAdd(Buffer src, int outer, int indexSize, int inner, Buffer index, int outSize, Buffer out) {
        delegate.scatterAdd(src, outer, indexSize, inner, index, outSize, out);
    }

    @Override
    public void random(Distribution dist, long seed, long offset, float a, float b, Buffer out) {
        delegate.random(dist, seed, offset, a, b, out);
    }

    @Override
    public void close() {
        // the wrapped backend belongs to the suite
    }
}
