package org.jgrad.ops;

import org.jgrad.Tensor;

/** {@link Tensor}'s matrix products, convolution and pooling (see {@link TensorArithmetic} for why this class exists). */
public abstract class TensorProducts extends TensorReductions {
    /**
     * This (..., in) times weight (out, in) transposed, plus bias (out) when not null: PyTorch's
     * {@code F.linear}. The transpose is a GEMM flag, not a copy.
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        return Affine.apply(self(), weight, bias);
    }

    /** Matrix product; 1-D operands are promoted as in PyTorch, batch dimensions broadcast. */
    public Tensor matmul(Tensor other) {
        return MatMul.apply(self(), other);
    }

    /** 2-D convolution of this NCHW batch with weight (outC, inC/groups, kH, kW); bias may be null. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return Convolution.conv2d(self(), weight, bias, stride, padding, dilation, groups);
    }

    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(weight, bias, stride, padding, 1, 1);
    }

    /** Max pooling; padding counts as negative infinity. */
    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return Convolution.maxPool2d(self(), kernel, stride, padding);
    }

    /** Average pooling; padding counts as zeros in the average (PyTorch's count_include_pad). */
    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return Convolution.avgPool2d(self(), kernel, stride, padding);
    }
}
