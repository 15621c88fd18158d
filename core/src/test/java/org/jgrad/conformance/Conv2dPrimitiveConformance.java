package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conv2d and conv2dBackward primitives against float64 loops over the windows, on the backend's
 * own kernels and on the SPI's composed defaults; and the backend's bits equal to the defaults'
 * (the primitives' contract fixes the order of operations), NaN and infinite weights included.
 */
public class Conv2dPrimitiveConformance extends ConformanceSupport {

    static Stream<Arguments> cases() {
        return Stream.of(
                // geometry (batch, channels, height, width, kH, kW, strides, pads, dilations), out channels, groups
                Arguments.of(new ConvGeometry(2, 3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1), 5, 1),
                Arguments.of(new ConvGeometry(1, 1, 5, 5, 3, 3, 1, 1, 0, 0, 1, 1), 1, 1),
                Arguments.of(new ConvGeometry(3, 4, 5, 6, 1, 1, 1, 1, 0, 0, 1, 1), 6, 1),
                Arguments.of(new ConvGeometry(1, 2, 3, 3, 5, 5, 1, 1, 2, 2, 1, 1), 3, 1),
                Arguments.of(new ConvGeometry(2, 2, 4, 5, 2, 3, 1, 1, 3, 2, 1, 1), 4, 1),
                Arguments.of(new ConvGeometry(2, 3, 9, 37, 3, 3, 1, 1, 1, 1, 1, 1), 7, 1),
                Arguments.of(new ConvGeometry(1, 5, 1, 7, 1, 3, 1, 1, 0, 1, 1, 1), 9, 1),
                // the MNIST CNN's layers, enough work to split across threads
                Arguments.of(new ConvGeometry(8, 1, 28, 28, 3, 3, 1, 1, 1, 1, 1, 1), 16, 1),
                Arguments.of(new ConvGeometry(6, 16, 14, 14, 3, 3, 1, 1, 1, 1, 1, 1), 32, 1),
                // geometries a direct kernel may leave to the default: strides, dilation, groups
                Arguments.of(new ConvGeometry(2, 2, 9, 8, 3, 2, 2, 2, 1, 0, 1, 1), 3, 1),
                Arguments.of(new ConvGeometry(1, 3, 10, 11, 3, 3, 1, 1, 2, 1, 2, 2), 2, 1),
                Arguments.of(new ConvGeometry(2, 4, 6, 5, 3, 3, 1, 1, 1, 1, 1, 1), 6, 2));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardAndGradientsMatchFloat64AndTheComposedDefault(ConvGeometry g, int outChannels, int groups) {
        float[] image = randomFloats(ConvConformance.imageSize(g), 31);
        float[] weight = randomFloats(outChannels * g.colRows() / groups, 32);
        float[] grad = randomFloats(g.batch() * outChannels * g.colCols(), 33);
        Reference ref = new Reference(g, outChannels, groups, image, weight, grad);
        float[][] own = run(backend(), g, outChannels, groups, image, weight, grad);
        float[][] composed = run(new ForwardingBackend(backend()), g, outChannels, groups, image, weight, grad);
        String what = g + " out " + outChannels + " groups " + groups;
        String[] names = {"conv2d", "gradImage", "gradWeight"};
        double[][][] expected = {ref.forward(), ref.gradImage(), ref.gradWeight()};
        for (int i = 0; i < 3; i++) {
            assertWithinSumError(names[i] + " " + what, expected[i], own[i]);
            assertWithinSumError(names[i] + " composed " + what, expected[i], composed[i]);
            assertArrayEquals(composed[i], own[i], names[i] + ": the backend's bits differ from the composed default's, " + what);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nonFiniteWeightsGiveTheComposedDefaultsBitsAndEachGradientAlone(ConvGeometry g, int outChannels, int groups) {
        float[] image = randomFloats(ConvConformance.imageSize(g), 41);
        float[] weight = randomFloats(outChannels * g.colRows() / groups, 42);
        weight[0] = Float.POSITIVE_INFINITY;
        weight[weight.length - 1] = Float.NaN;
        float[] grad = randomFloats(g.batch() * outChannels * g.colCols(), 43);
        float[][] composed = run(new ForwardingBackend(backend()), g, outChannels, groups, image, weight, grad);
        float[][] own = run(backend(), g, outChannels, groups, image, weight, grad);
        String what = g + " out " + outChannels + " groups " + groups;
        assertArrayEquals(composed[0], own[0], "conv2d with inf and NaN weights, " + what);
        assertArrayEquals(composed[1], own[1], "gradImage with inf and NaN weights, " + what);
        assertArrayEquals(composed[2], own[2], "gradWeight with inf and NaN weights, " + what);
        Buffer gradImage = backend().allocate(DType.FLOAT32, image.length);
        backend().conv2dBackward(g, outChannels, groups, upload(image), upload(weight), upload(grad), gradImage, null);
        assertArrayEquals(own[1], backend().downloadFloat(gradImage), "gradImage alone, " + what);
        Buffer gradWeight = backend().allocate(DType.FLOAT32, weight.length);
        backend().conv2dBackward(g, outChannels, groups, upload(image), upload(weight), upload(grad), null, gradWeight);
        assertArrayEquals(own[2], backend().downloadFloat(gradWeight), "gradWeight alone, " + what);
    }

    /**
     * Each value within 1e-5 of the sum of its terms' magnitudes (a float32 sum of up to 6,272
     * products drifts from the float64 one by far less; a wrong or missing term moves it by more).
     */
    private static void assertWithinSumError(String what, double[][] expected, float[] actual) {
        for (int i = 0; i < actual.length; i++) {
            double error = Math.abs(actual[i] - expected[0][i]);
            if (!(error <= 1e-5 * expected[1][i] + 1e-7)) {
                throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", expected " + expected[0][i]
                        + " (sum of magnitudes " + expected[1][i] + ")");
            }
        }
    }

    /** {forward, gradImage, gradWeight} through {@code route}, outputs starting as garbage. */
    private float[][] run(Backend route, ConvGeometry g, int outChannels, int groups, float[] image, float[] weight,
                          float[] grad) {
        Buffer out = upload(randomFloats(grad.length, 1, 50, 60));
        Buffer gradImage = upload(randomFloats(image.length, 2, 50, 60));
        Buffer gradWeight = upload(randomFloats(weight.length, 3, 50, 60));
        Buffer x = upload(image);
        Buffer w = upload(weight);
        route.conv2d(g, outChannels, groups, x, w, out);
        route.conv2dBackward(g, outChannels, groups, x, w, upload(grad), gradImage, gradWeight);
        return new float[][] {route.downloadFloat(out), route.downloadFloat(gradImage), route.downloadFloat(gradWeight)};
    }

    /** The three results in float64, window by window, each as {values, sums of the terms' magnitudes}. */
    private record Reference(ConvGeometry g, int outChannels, int groups, float[] image, float[] weight, float[] grad) {
        /** Calls body(n, o, window, tap row r within the group, pixel or -1) for every tap of every window. */
        private interface Body {
            void at(int n, int o, int window, int r, int pixel);
        }

        private void forEach(Body body) {
            int perGroup = outChannels / groups;
            int groupChannels = g.channels() / groups;
            for (int n = 0; n < g.batch(); n++) {
                for (int o = 0; o < outChannels; o++) {
                    int c0 = o / perGroup * groupChannels;
                    for (int window = 0; window < g.colCols(); window++) {
                        int oh = window / g.outW();
                        int ow = window % g.outW();
                        for (int c = 0, r = 0; c < groupChannels; c++) {
                            for (int ki = 0; ki < g.kernelH(); ki++) {
                                for (int kj = 0; kj < g.kernelW(); kj++, r++) {
                                    int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
                                    int iw = ow * g.strideW() - g.padW() + kj * g.dilationW();
                                    boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
                                    body.at(n, o, window, r,
                                            inside ? ((n * g.channels() + c0 + c) * g.height() + ih) * g.width() + iw : -1);
                                }
                            }
                        }
                    }
                }
            }
        }

        private int outIndex(int n, int o, int window) {
            return (n * outChannels + o) * g.colCols() + window;
        }

        private int weightIndex(int o, int r) {
            return o * (g.colRows() / groups) + r;
        }

        double[][] forward() {
            double[][] out = new double[2][grad.length];
            forEach((n, o, window, r, pixel) -> {
                if (pixel >= 0) {
                    double term = (double) weight[weightIndex(o, r)] * image[pixel];
                    out[0][outIndex(n, o, window)] += term;
                    out[1][outIndex(n, o, window)] += Math.abs(term);
                }
            });
            return out;
        }

        double[][] gradImage() {
            double[][] out = new double[2][image.length];
            forEach((n, o, window, r, pixel) -> {
                if (pixel >= 0) {
                    double term = (double) weight[weightIndex(o, r)] * grad[outIndex(n, o, window)];
                    out[0][pixel] += term;
                    out[1][pixel] += Math.abs(term);
                }
            });
            return out;
        }

        double[][] gradWeight() {
            double[][] out = new double[2][weight.length];
            forEach((n, o, window, r, pixel) -> {
                if (pixel >= 0) {
                    double term = (double) image[pixel] * grad[outIndex(n, o, window)];
                    out[0][weightIndex(o, r)] += term;
                    out[1][weightIndex(o, r)] += Math.abs(term);
                }
            });
            return out;
        }
    }
}
