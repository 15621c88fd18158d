package org.jgrad.backend;

/**
 * The geometry of a 2-D sliding window over an NCHW image batch, for im2col/col2im. The column
 * matrix is laid out (batch, channels*kernelH*kernelW, outH*outW), row index (c, ki, kj).
 */
public record ConvGeometry(int batch, int channels, int height, int width,
                           int kernelH, int kernelW, int strideH, int strideW,
                           int padH, int padW, int dilationH, int dilationW) {

    public ConvGeometry {
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1
                || padH < 0 || padW < 0) {
            throw new IllegalArgumentException("conv geometry: kernel, stride and dilation must be >= 1 and padding >= 0, got " + this);
        }
        if (outSize(height, kernelH, strideH, padH, dilationH) < 1 || outSize(width, kernelW, strideW, padW, dilationW) < 1) {
            throw new IllegalArgumentException("conv geometry: kernel " + kernelH + "x" + kernelW + " (dilation "
                    + dilationH + "x" + dilationW + ") does not fit input " + height + "x" + width + " with padding "
                    + padH + "x" + padW);
        }
    }

    public int outH() {
        return outSize(height, kernelH, strideH, padH, dilationH);
    }

    public int outW() {
        return outSize(width, kernelW, strideW, padW, dilationW);
    }

    /** Rows of one image's column matrix: channels * kernelH * kernelW. */
    public int colRows() {
        return channels * kernelH * kernelW;
    }

    /** Columns of one image's column matrix: outH * outW. */
    public int colCols() {
        return outH() * outW();
    }

    private static int outSize(int size, int kernel, int stride, int pad, int dilation) {
        return (size + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;
    }
}
