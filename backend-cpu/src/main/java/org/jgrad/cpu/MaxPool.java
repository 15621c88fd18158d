package org.jgrad.cpu;

import java.util.Arrays;
import org.jgrad.backend.ConvGeometry;

/**
 * Direct max pooling over the planes (image, channel) of an NCHW batch, without the column buffer
 * of the im2col route: taps in window order, padding reading negative infinity, the first tap
 * that {@link ScalarReduce#beats} the others as argmax (the first NaN, else the first largest) and
 * its value as the output, as PyTorch's max_pool2d. Threads take whole planes. The 2x2, stride-2
 * window has its own loops ({@link PairPooling}).
 */
final class MaxPool {
    /** Window taps per thread below which work stays on the calling thread. */
    private static final int GRAIN = 1 << 14;

    private MaxPool() {
    }

    static void forward(ConvGeometry g, float[] image, float[] out, int[] argmax) {
        checkSizes("maxPool2d", g, image.length, out.length, argmax.length);
        if (PairPooling.applies(g)) {
            PairPooling.forward(g, image, out, argmax);
            return;
        }
        Window w = new Window(g);
        int strideH = g.strideH();
        int strideW = g.strideW();
        int kernelH = g.kernelH();
        int kernelW = g.kernelW();
        int dilationH = g.dilationH();
        int dilationW = g.dilationW();
        forEachPlane(g, plane -> {
            int base = plane * w.planeSize;
            for (int o = plane * w.windows, oh = 0; oh < w.outH; oh++) {
                int ih0 = oh * strideH - g.padH();
                for (int ow = 0; ow < w.outW; ow++, o++) {
                    int iw0 = ow * strideW - g.padW();
                    float best = Float.NaN; // replaced by tap 0
                    int bestTap = 0;
                    for (int ki = 0, tap = 0; ki < kernelH; ki++) {
                        int ih = ih0 + ki * dilationH;
                        boolean rowInside = ih >= 0 && ih < w.height;
                        for (int kj = 0; kj < kernelW; kj++, tap++) {
                            int iw = iw0 + kj * dilationW;
                            float v = rowInside && iw >= 0 && iw < w.width ? image[base + ih * w.width + iw]
                                    : Float.NEGATIVE_INFINITY;
                            // selects rather than branches: on real data which tap wins is unpredictable
                            boolean wins = tap == 0 || v > best || (v != v && best == best);
                            bestTap = wins ? tap : bestTap;
                            best = wins ? v : best;
                        }
                    }
                    out[o] = best;
                    argmax[o] = bestTap;
                }
            }
        });
    }

    /** Overwrites gradImage: each window's gradient goes to the pixel its argmax tap reads. */
    static void backward(ConvGeometry g, float[] grad, int[] argmax, float[] gradImage) {
        checkSizes("maxPool2dBackward", g, gradImage.length, grad.length, argmax.length);
        if (PairPooling.applies(g)) {
            PairPooling.backward(g, grad, argmax, gradImage);
            return;
        }
        Window w = new Window(g);
        forEachPlane(g, plane -> {
            int base = plane * w.planeSize;
            Arrays.fill(gradImage, base, base + w.planeSize, 0f);
            for (int o = plane * w.windows, oh = 0; oh < w.outH; oh++) {
                for (int ow = 0; ow < w.outW; ow++, o++) {
                    int tap = argmax[o];
                    if (tap < 0 || tap >= w.taps) {
                        throw new IndexOutOfBoundsException("maxPool2dBackward: argmax " + tap + " at " + o
                                + " is outside the " + w.taps + " taps of a window");
                    }
                    int pixel = w.pixel(oh, ow, tap);
                    if (pixel >= 0) {
                        gradImage[base + pixel] += grad[o];
                    }
                }
            }
        });
    }

    /** The geometry's sizes as fields: its outH()/outW() divide on every call. */
    private static final class Window {
        final int height;
        final int width;
        final int planeSize;
        final int outH;
        final int outW;
        final int windows;
        final int taps;
        final ConvGeometry g;
        /** Row and column offset of each tap (ki, kj) from its window's corner: no division per tap. */
        private final int[] tapRow;
        private final int[] tapCol;

        Window(ConvGeometry g) {
            this.g = g;
            height = g.height();
            width = g.width();
            planeSize = height * width;
            outH = g.outH();
            outW = g.outW();
            windows = outH * outW;
            taps = g.kernelH() * g.kernelW();
            tapRow = new int[taps];
            tapCol = new int[taps];
            for (int t = 0; t < taps; t++) {
                tapRow[t] = t / g.kernelW() * g.dilationH();
                tapCol[t] = t % g.kernelW() * g.dilationW();
            }
        }

        /** Offset in its plane of the pixel that tap reads for window (oh, ow), or -1 in the padding. */
        int pixel(int oh, int ow, int tap) {
            int ih = oh * g.strideH() - g.padH() + tapRow[tap];
            int iw = ow * g.strideW() - g.padW() + tapCol[tap];
            return ih >= 0 && ih < height && iw >= 0 && iw < width ? ih * width + iw : -1;
        }
    }

    interface PlaneBody {
        void run(int plane);
    }

    static void forEachPlane(ConvGeometry g, PlaneBody body) {
        int planeWork = g.kernelH() * g.kernelW() * g.outH() * g.outW();
        Parallel.forRange(g.batch() * g.channels(), Math.max(1, GRAIN / planeWork), (from, to) -> {
            for (int plane = from; plane < to; plane++) {
                body.run(plane);
            }
        });
    }

    private static void checkSizes(String op, ConvGeometry g, int imageLength, int outLength, int argmaxLength) {
        long planes = (long) g.batch() * g.channels();
        long imageNeeded = planes * g.height() * g.width();
        long outNeeded = planes * g.outH() * g.outW();
        if (imageLength < imageNeeded || outLength < outNeeded || argmaxLength < outNeeded) {
            throw new IllegalArgumentException(op + ": buffers of " + imageLength + " (image), " + outLength
                    + " (pooled) and " + argmaxLength + " (argmax) elements are too short for " + g + ", which needs "
                    + imageNeeded + ", " + outNeeded + " and " + outNeeded);
        }
    }
}
