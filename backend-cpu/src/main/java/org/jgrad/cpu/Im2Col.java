package org.jgrad.cpu;

import java.util.Arrays;
import org.jgrad.backend.ConvGeometry;

/**
 * im2col and its adjoint col2im over NCHW batches, in two column layouts: per image, that of
 * {@link ConvGeometry} (batch, C*kh*kw, outH*outW), and across the batch (C*kh*kw, batch*outH*outW),
 * where the row of tap (c, ki, kj) holds every image's outputs side by side. Plane p = (image n,
 * channel c) owns image elements [p*H*W, (p+1)*H*W) and, in either layout, the outH*outW-long
 * segments of its kh*kw column rows that belong to image n; threads take whole planes, so no two
 * write the same element. Buffers may be longer than the geometry needs; only the elements it
 * addresses are read or written.
 */
final class Im2Col {
    /** Column elements per thread below which work stays on the calling thread. */
    private static final int GRAIN = 1 << 15;

    private Im2Col() {
    }

    /**
     * Unfolds {@code image} into {@code columns}, laid out across the batch when {@code acrossBatch};
     * taps outside the image read {@code padValue}.
     */
    static void im2col(ConvGeometry g, boolean acrossBatch, float padValue, float[] image, float[] columns) {
        checkSizes("im2col", g, image, columns);
        int stride = g.strideW();
        int outW = g.outW(); // outW() divides; not once per row
        forEachPlane(g, plane -> forEachRow(g, acrossBatch, plane, (row, src, first, end) -> {
            Arrays.fill(columns, row, row + first, padValue);
            if (stride != 1) {
                for (int ow = first; ow < end; ow++) {
                    columns[row + ow] = image[src + ow * stride];
                }
            } else if (end > first) { // a padding row's pixel offset may lie outside the array
                System.arraycopy(image, src + first, columns, row + first, end - first);
            }
            Arrays.fill(columns, row + end, row + outW, padValue);
        }));
    }

    /**
     * Overwrites {@code image} with the sum, over every window, of the column entries that read each
     * pixel, in window order; the columns are laid out across the batch when {@code acrossBatch}.
     */
    static void col2im(ConvGeometry g, boolean acrossBatch, float[] columns, float[] image) {
        checkSizes("col2im", g, image, columns);
        int stride = g.strideW();
        int planeSize = g.height() * g.width();
        forEachPlane(g, plane -> {
            Arrays.fill(image, plane * planeSize, (plane + 1) * planeSize, 0f);
            forEachRow(g, acrossBatch, plane, (row, dst, first, end) -> {
                for (int ow = first; ow < end; ow++) {
                    image[dst + ow * stride] += columns[row + ow];
                }
            });
        });
    }

    private interface PlaneBody {
        void run(int plane);
    }

    /**
     * One column row: it starts at {@code row}; its outputs [first, end) tap the image at
     * pixel + ow * strideW, the rest tap padding. A row whose image row lies in the padding has
     * first == end.
     */
    private interface RowBody {
        void run(int row, int pixel, int first, int end);
    }

    private static void forEachPlane(ConvGeometry g, PlaneBody body) {
        int planeWork = g.kernelH() * g.kernelW() * g.colCols();
        Parallel.forRange(g.batch() * g.channels(), Math.max(1, GRAIN / planeWork), (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                body.run(plane);
            }
        });
    }

    /**
     * Visits the plane's column rows in order, finding each row's in-image run up front. Tap t of
     * plane (n, c) starts at ((n*C + c)*taps + t)*windows per image, at ((c*taps + t)*N + n)*windows
     * across the batch; its outH rows of outW follow one another in both.
     */
    private static void forEachRow(ConvGeometry g, boolean acrossBatch, int plane, RowBody body) {
        int outH = g.outH();
        int outW = g.outW();
        int windows = outH * outW;
        int taps = g.kernelH() * g.kernelW();
        int imageBase = plane * g.height() * g.width();
        int image = plane / g.channels();
        int channel = plane % g.channels();
        int start = (acrossBatch ? channel * taps * g.batch() + image : plane * taps) * windows;
        int tapStride = acrossBatch ? g.batch() * windows : windows;
        for (int ki = 0, tap = 0; ki < g.kernelH(); ki++) {
            for (int kj = 0; kj < g.kernelW(); kj++, tap++) {
                int row = start + tap * tapStride;
                int shiftW = kj * g.dilationW() - g.padW();
                int first = firstInside(shiftW, g.strideW(), outW);
                int end = Math.max(first, firstInside(shiftW - g.width(), g.strideW(), outW));
                for (int oh = 0; oh < outH; oh++, row += outW) {
                    int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
                    boolean inside = ih >= 0 && ih < g.height();
                    body.run(row, imageBase + ih * g.width() + shiftW, inside ? first : 0, inside ? end : 0);
                }
            }
        }
    }

    /**
     * The smallest output index o in [0, outSize] with o * stride + shift >= 0. With shift - width
     * in place of shift it is the first output past the image's far edge.
     */
    private static int firstInside(int shift, int stride, int outSize) {
        return shift >= 0 ? 0 : Math.min(outSize, (-shift + stride - 1) / stride);
    }

    private static void checkSizes(String op, ConvGeometry g, float[] image, float[] columns) {
        long imageNeeded = (long) g.batch() * g.channels() * g.height() * g.width();
        long columnsNeeded = (long) g.batch() * g.colRows() * g.colCols();
        if (image.length < imageNeeded) {
            throw new IllegalArgumentException(op + ": image buffer has " + image.length + " elements, " + g
                    + " needs batch*channels*height*width = " + imageNeeded);
        }
        if (columns.length < columnsNeeded) {
            throw new IllegalArgumentException(op + ": columns buffer has " + columns.length + " elements, " + g
                    + " needs batch*channels*kernelH*kernelW*outH*outW = " + columnsNeeded);
        }
    }
}
