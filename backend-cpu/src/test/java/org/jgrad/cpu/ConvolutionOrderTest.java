package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * conv2d and conv2dBackward give, on every thread count, the bits of the order the SPI defines,
 * recomputed here in plain Java: the GEMM's fma chain over im2col's columns, col2im's sum over the
 * taps. Surefire runs this class on both kernel paths (direct kernels, and im2col + GEMM).
 */
class ConvolutionOrderTest {
    private static final int[] THREADS = {1, 2, 3, 4, 8};
    private final Backend backend = new CpuBackend();
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    @Test
    void convolutionFollowsTheFixedOrderOnEveryThreadCount() {
        // rows wider than a vector, rows that fit one (two rows a tile), and an odd number of those
        ConvGeometry[] geometries = {new ConvGeometry(5, 6, 13, 19, 3, 3, 1, 1, 1, 1, 1, 1),
            new ConvGeometry(3, 16, 14, 14, 3, 3, 1, 1, 1, 1, 1, 1), new ConvGeometry(2, 3, 9, 8, 2, 3, 1, 1, 2, 0, 1, 1),
            new ConvGeometry(2, 5, 7, 5, 3, 3, 1, 1, 1, 1, 1, 1)};
        int[] outChannels = {10, 32, 5, 6};
        for (int i = 0; i < geometries.length; i++) {
            ConvGeometry g = geometries[i];
            int o = outChannels[i];
            Random random = new Random(i);
            float[] image = gaussians(random, g.batch() * g.channels() * g.height() * g.width());
            float[] weight = gaussians(random, o * g.colRows());
            float[] grad = gaussians(random, g.batch() * o * g.colCols());
            float[][] expected = reference(g, o, image, weight, grad);
            for (int threads : THREADS) {
                Parallel.setThreads(threads);
                Buffer out = backend.allocate(DType.FLOAT32, grad.length);
                Buffer gradImage = backend.allocate(DType.FLOAT32, image.length);
                Buffer gradWeight = backend.allocate(DType.FLOAT32, weight.length);
                backend.conv2d(g, o, 1, upload(image), upload(weight), out);
                backend.conv2dBackward(g, o, 1, upload(image), upload(weight), upload(grad), gradImage, gradWeight);
                String what = g + " out " + o + " on " + threads + " threads";
                assertBits("conv2d " + what, expected[0], backend.downloadFloat(out));
                assertBits("gradImage " + what, expected[1], backend.downloadFloat(gradImage));
                assertBits("gradWeight " + what, expected[2], backend.downloadFloat(gradWeight));
            }
        }
    }

    /** {out, gradImage, gradWeight} in the defined order. */
    private static float[][] reference(ConvGeometry g, int outChannels, float[] image, float[] weight, float[] grad) {
        int rows = g.colRows();
        int windows = g.colCols();
        float[] out = new float[grad.length];
        float[] gradImage = new float[image.length];
        float[] gradWeight = new float[weight.length];
        for (int n = 0; n < g.batch(); n++) {
            for (int p = 0; p < windows; p++) {
                for (int o = 0; o < outChannels; o++) {
                    float acc = 0f;
                    for (int r = 0; r < rows; r++) {
                        acc = Math.fma(weight[o * rows + r], column(g, image, n, r, p), acc);
                    }
                    out[(n * outChannels + o) * windows + p] = acc;
                }
            }
        }
        for (int o = 0; o < outChannels; o++) {
            for (int r = 0; r < rows; r++) {
                float acc = 0f;
                for (int n = 0; n < g.batch(); n++) {
                    for (int p = 0; p < windows; p++) {
                        acc = Math.fma(column(g, image, n, r, p), grad[(n * outChannels + o) * windows + p], acc);
                    }
                }
                gradWeight[o * rows + r] = acc;
            }
        }
        // col2im of the columns' gradient: each pixel from 0, plus its taps' entries in tap order
        for (int n = 0; n < g.batch(); n++) {
            for (int r = 0; r < rows; r++) {
                for (int p = 0; p < windows; p++) {
                    int pixel = pixel(g, n, r, p);
                    if (pixel >= 0) {
                        float entry = 0f;
                        for (int o = 0; o < outChannels; o++) {
                            entry = Math.fma(weight[o * rows + r], grad[(n * outChannels + o) * windows + p], entry);
                        }
                        gradImage[pixel] += entry;
                    }
                }
            }
        }
        return new float[][] {out, gradImage, gradWeight};
    }

    private static float column(ConvGeometry g, float[] image, int n, int r, int p) {
        int pixel = pixel(g, n, r, p);
        return pixel < 0 ? 0f : image[pixel];
    }

    /** The pixel tap r = (c, ki, kj) of window p of image n reads, or -1 in the padding (stride and dilation 1). */
    private static int pixel(ConvGeometry g, int n, int r, int p) {
        int taps = g.kernelH() * g.kernelW();
        int c = r / taps;
        int ih = p / g.outW() - g.padH() + r % taps / g.kernelW();
        int iw = p % g.outW() - g.padW() + r % g.kernelW();
        boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
        return inside ? ((n * g.channels() + c) * g.height() + ih) * g.width() + iw : -1;
    }

    private Buffer upload(float[] values) {
        Buffer buffer = backend.allocate(DType.FLOAT32, values.length);
        backend.upload(values, buffer);
        return buffer;
    }

    private static float[] gaussians(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static void assertBits(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
        }
    }
}
