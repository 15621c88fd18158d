package org.jgrad.cpu;

import org.jgrad.backend.ConvGeometry;

/**
 * One image of an NCHW batch copied into a zero border, for the direct convolution kernels: channel
 * c, padded row y, padded column x at {@code (c * rows + y) * width + x}, pixel (y - padH, x - padW)
 * of the image or 0. The width leaves room for a kernel that reads {@code tileWidth} outputs at
 * once past the last output column, and {@code extraRows} rows below the last window room for one
 * that reads several output rows at once, so no read needs a bounds test.
 */
final class PaddedImage {
    final int rows;
    final int width;
    final float[] values;
    private final ConvGeometry g;

    PaddedImage(ConvGeometry g, int tileWidth, int extraRows) {
        this.g = g;
        this.rows = g.outH() + g.kernelH() - 1 + extraRows;
        this.width = (g.outW() + tileWidth - 1) / tileWidth * tileWidth + g.kernelW() - 1;
        this.values = new float[g.channels() * rows * width];
    }

    /** Copies image {@code n} of {@code batch} in; the border, never written, stays zero. */
    void load(float[] batch, int n) {
        int h = g.height();
        int w = g.width();
        for (int c = 0; c < g.channels(); c++) {
            int src = (n * g.channels() + c) * h * w;
            int dst = (c * rows + g.padH()) * width + g.padW();
            for (int y = 0; y < h; y++) {
                System.arraycopy(batch, src + y * w, values, dst + y * width, w);
            }
        }
    }

    /** Offset of tap r = (c, ki, kj) from an output's (oh * width + ow): (c * rows + ki) * width + kj. */
    int[] tapOffsets() {
        int[] offsets = new int[g.colRows()];
        int r = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int ki = 0; ki < g.kernelH(); ki++) {
                for (int kj = 0; kj < g.kernelW(); kj++) {
                    offsets[r++] = (c * rows + ki) * width + kj;
                }
            }
        }
        return offsets;
    }

    /** Where each output window (oh, ow), in order, starts: oh * width + ow. */
    int[] windowOffsets() {
        int[] offsets = new int[g.colCols()];
        for (int oh = 0, p = 0; oh < g.outH(); oh++) {
            for (int ow = 0; ow < g.outW(); ow++) {
                offsets[p++] = oh * width + ow;
            }
        }
        return offsets;
    }
}
