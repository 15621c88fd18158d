package org.jgrad.cpu;

import org.jgrad.backend.ConvGeometry;

/**
 * Max pooling with the common 2x2 window, stride 2, no padding or dilation ({@code MaxPool2d(2)}):
 * every tap lies inside the image, so the four are read without bounds checks or tap tables. The
 * selection is {@link MaxPool}'s (the first NaN, else the first largest, -0 tying +0) and the
 * output is the chosen tap's value, so the bits are the general loop's. The Vector API path pools
 * a vector of windows at a time ({@link VectorPairPooling}); the scalar path, and a row's windows
 * whose taps a vector would read past the array's end, take one window at a time.
 */
final class PairPooling {
    private PairPooling() {
    }

    static boolean applies(ConvGeometry g) {
        return g.kernelH() == 2 && g.kernelW() == 2 && g.strideH() == 2 && g.strideW() == 2 && g.padH() == 0
                && g.padW() == 0 && g.dilationH() == 1 && g.dilationW() == 1;
    }

    static void forward(ConvGeometry g, float[] image, float[] out, int[] argmax) {
        int width = g.width();
        int outH = g.outH();
        int outW = g.outW();
        int planeSize = g.height() * width;
        boolean vector = VectorSupport.enabled();
        MaxPool.forEachPlane(g, plane -> {
            int base = plane * planeSize;
            int o0 = plane * outH * outW;
            if (vector) {
                VectorPairPooling.forwardPlane(image, base, width, outH, outW, out, argmax, o0);
                return;
            }
            for (int o = o0, oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++, o++) {
                    window(image, base + 2 * oh * width + 2 * ow, width, out, argmax, o);
                }
            }
        });
    }

    /** Pools the window whose top-left tap is image[i] into out[o] and argmax[o]. */
    static void window(float[] image, int i, int width, float[] out, int[] argmax, int o) {
        float m = Math.max(Math.max(image[i], image[i + 1]), Math.max(image[i + width], image[i + width + 1]));
        // the first tap holding m (the first NaN when m is NaN) is the general loop's choice; picked
        // with integer selects, where float selects became branches that mispredict on real data
        int tap = holds(image[i + width], m) ? 2 : 3;
        tap = holds(image[i + 1], m) ? 1 : tap;
        tap = holds(image[i], m) ? 0 : tap;
        out[o] = image[i + (tap & 1) + (tap >> 1) * width];
        argmax[o] = tap;
    }

    /** Whether v is the window's maximum m: equal to it (-0 ties +0), or NaN when m is. */
    private static boolean holds(float v, float m) {
        return v == m | (v != v & m != m);
    }

    /**
     * Overwrites gradImage: each window's four pixels get 0 + grad at its argmax tap and +0 at the
     * others (the general loop's sum from +0); a last row or column outside every window gets +0.
     */
    static void backward(ConvGeometry g, float[] grad, int[] argmax, float[] gradImage) {
        int width = g.width();
        int height = g.height();
        int outH = g.outH();
        int outW = g.outW();
        int planeSize = height * width;
        boolean vector = VectorSupport.enabled();
        MaxPool.forEachPlane(g, plane -> {
            int base = plane * planeSize;
            int o0 = plane * outH * outW;
            if (vector) {
                VectorPairPooling.backwardPlane(grad, argmax, o0, outH, outW, gradImage, base, width, base + planeSize);
            }
            for (int oh = 0; oh < outH; oh++) {
                int top = base + 2 * oh * width;
                for (int ow = 0; !vector && ow < outW; ow++) {
                    windowBackward(grad, argmax, o0 + oh * outW + ow, gradImage, top + 2 * ow, width);
                }
                if (width % 2 != 0) {
                    gradImage[top + width - 1] = 0f;
                    gradImage[top + 2 * width - 1] = 0f;
                }
            }
            if (height % 2 != 0) {
                java.util.Arrays.fill(gradImage, base + (height - 1) * width, base + planeSize, 0f);
            }
        });
    }

    /** Writes the four pixels of window o, whose top-left pixel is gradImage[i]. */
    static void windowBackward(float[] grad, int[] argmax, int o, float[] gradImage, int i, int width) {
        int tap = argmax[o];
        if (tap >>> 2 != 0) {
            throw new IndexOutOfBoundsException("maxPool2dBackward: argmax " + tap + " at " + o
                    + " is outside the 4 taps of a window");
        }
        int bits = Float.floatToRawIntBits(0f + grad[o]);
        // bits where the tap matches, else +0: masks, not branches (the tap is unpredictable)
        gradImage[i] = Float.intBitsToFloat(bits & only(tap, 0));
        gradImage[i + 1] = Float.intBitsToFloat(bits & only(tap, 1));
        gradImage[i + width] = Float.intBitsToFloat(bits & only(tap, 2));
        gradImage[i + width + 1] = Float.intBitsToFloat(bits & only(tap, 3));
    }

    /** All ones when tap == k, else 0 (tap and k in 0..3). */
    private static int only(int tap, int k) {
        return ((tap ^ k) - 1) >> 31;
    }
}
