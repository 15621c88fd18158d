package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** im2col, col2im and max pooling against direct float64 loops, and col2im as im2col's adjoint. */
public class ConvConformance extends ConformanceSupport {

    static Stream<ConvGeometry> geometries() {
        return Stream.of(
                // batch, channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, dilationH, dilationW
                new ConvGeometry(1, 1, 5, 5, 3, 3, 1, 1, 0, 0, 1, 1),
                new ConvGeometry(2, 3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1),
                new ConvGeometry(2, 2, 9, 8, 3, 2, 2, 2, 1, 0, 1, 1),
                new ConvGeometry(1, 3, 10, 11, 3, 3, 1, 2, 2, 1, 2, 2),
                new ConvGeometry(3, 4, 5, 6, 1, 1, 1, 1, 0, 0, 1, 1),
                new ConvGeometry(2, 2, 6, 7, 1, 1, 2, 2, 0, 0, 1, 1),
                new ConvGeometry(1, 1, 3, 3, 5, 5, 1, 1, 2, 2, 1, 1),
                // padding wider than the kernel: whole windows fall in the padding
                new ConvGeometry(1, 2, 4, 5, 2, 2, 2, 3, 3, 3, 1, 1),
                new ConvGeometry(1, 1, 1, 7, 1, 3, 1, 1, 0, 1, 1, 3),
                // MaxPool2d(2), odd sizes dropping the last row and column
                new ConvGeometry(2, 3, 7, 9, 2, 2, 2, 2, 0, 0, 1, 1),
                // MaxPool2d(2) rows of 19, 7 and 1 windows: whole and partial vectors, planes ending mid-vector
                new ConvGeometry(3, 5, 9, 38, 2, 2, 2, 2, 0, 0, 1, 1),
                new ConvGeometry(2, 3, 14, 14, 2, 2, 2, 2, 0, 0, 1, 1),
                new ConvGeometry(5, 1, 2, 3, 2, 2, 2, 2, 0, 0, 1, 1),
                // enough planes for the work to be split across threads
                new ConvGeometry(4, 8, 32, 30, 3, 3, 1, 1, 1, 1, 1, 1),
                new ConvGeometry(8, 16, 28, 28, 2, 2, 2, 2, 0, 0, 1, 1));
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void im2colMatchesDirectLoop(ConvGeometry g) {
        float[] image = randomFloats(imageSize(g), 11);
        for (float padValue : new float[] {0f, Float.NEGATIVE_INFINITY, 2.5f}) {
            Buffer columns = backend().allocate(DType.FLOAT32, columnsSize(g));
            backend().im2col(g, padValue, upload(image), columns);
            assertClose("im2col " + g + " pad " + padValue, im2colReference(g, padValue, image),
                    backend().downloadFloat(columns), 0, 0);
        }
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void col2imMatchesDirectLoopAndOverwritesImage(ConvGeometry g) {
        float[] columns = randomFloats(columnsSize(g), 12);
        Buffer image = upload(randomFloats(imageSize(g), 13, 50, 60));
        backend().col2im(g, upload(columns), image);
        assertClose("col2im " + g, col2imReference(g, columns), backend().downloadFloat(image), 1e-5, 1e-5);
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void col2imIsTheAdjointOfIm2col(ConvGeometry g) {
        float[] x = randomFloats(imageSize(g), 14);
        float[] y = randomFloats(columnsSize(g), 15);
        Buffer columns = backend().allocate(DType.FLOAT32, y.length);
        backend().im2col(g, 0f, upload(x), columns);
        Buffer image = backend().allocate(DType.FLOAT32, x.length);
        backend().col2im(g, upload(y), image);
        double[] lhs = dot(backend().downloadFloat(columns), y);
        double[] rhs = dot(x, backend().downloadFloat(image));
        assertEquals(lhs[0], rhs[0], 1e-5 * (lhs[1] + rhs[1]), "<im2col(x), y> vs <x, col2im(y)> for " + g);
    }

    /** The backend's own maxPool2d and, through a wrapper that keeps the SPI's default methods, the im2col route. */
    @ParameterizedTest
    @MethodSource("geometries")
    void maxPoolMatchesDirectLoopOnBothRoutes(ConvGeometry g) {
        float[] image = randomFloats(imageSize(g), 16);
        image[image.length / 3] = Float.NaN;
        float[] grad = randomFloats(g.batch() * g.channels() * g.colCols(), 17);
        for (Backend route : new Backend[] {backend(), new ForwardingBackend(backend())}) {
            Buffer out = route.allocate(DType.FLOAT32, grad.length);
            Buffer argmax = route.allocate(DType.INT32, grad.length);
            route.maxPool2d(g, upload(image), out, argmax);
            int[] expectedTaps = maxPoolTaps(g, image);
            assertArrayEquals(expectedTaps, route.downloadInt(argmax), "argmax taps, " + route + ", " + g);
            assertClose("max values, " + route + ", " + g, maxPoolValues(g, image, expectedTaps),
                    route.downloadFloat(out), 0, 0);
            Buffer gradImage = upload(randomFloats(image.length, 18, 50, 60));
            route.maxPool2dBackward(g, upload(grad), argmax, gradImage);
            assertClose("max-pool gradient, " + route + ", " + g, maxPoolGradient(g, grad, expectedTaps),
                    route.downloadFloat(gradImage), 1e-6, 1e-6);
        }
    }

    /** Small whole numbers tie within most windows, and NaNs sit at every third pixel of some rows. */
    @ParameterizedTest
    @MethodSource("geometries")
    void maxPoolPicksTheFirstNaNElseTheFirstLargestTap(ConvGeometry g) {
        float[] image = randomFloats(imageSize(g), 19);
        for (int i = 0; i < image.length; i++) {
            image[i] = i % 17 < 3 && i % 3 == 0 ? Float.NaN : Math.round(image[i] * 2);
        }
        Buffer out = backend().allocate(DType.FLOAT32, g.batch() * g.channels() * g.colCols());
        Buffer argmax = backend().allocate(DType.INT32, g.batch() * g.channels() * g.colCols());
        backend().maxPool2d(g, upload(image), out, argmax);
        int[] expectedTaps = maxPoolTaps(g, image);
        assertArrayEquals(expectedTaps, backend().downloadInt(argmax), "argmax taps with ties and NaNs, " + g);
        assertClose("max values with ties and NaNs, " + g, maxPoolValues(g, image, expectedTaps),
                backend().downloadFloat(out), 0, 0);
    }

    /** The geometries whose windows do not overlap (each pixel in at most one window). */
    static Stream<ConvGeometry> disjointWindows() {
        return geometries().filter(g -> (g.kernelH() - 1) * g.dilationH() < g.strideH()
                && (g.kernelW() - 1) * g.dilationW() < g.strideW());
    }

    /**
     * Where windows do not overlap, a pixel's gradient is 0 + grad at its window's argmax tap (the
     * default's sum from zero, so -0 arrives as +0; infinities and NaNs pass) and +0 elsewhere: the
     * backend's bits equal the SPI default's. (Where they overlap, the order of a pixel's sum is
     * not fixed by the SPI.)
     */
    @ParameterizedTest
    @MethodSource("disjointWindows")
    void maxPoolGradientHasTheDefaultRoutesBits(ConvGeometry g) {
        float[] image = randomFloats(imageSize(g), 20);
        float[] grad = randomFloats(g.batch() * g.channels() * g.colCols(), 21);
        float[] special = {-0f, 0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < grad.length; i += 3) {
            grad[i] = special[i % special.length];
        }
        float[] first = null;
        for (Backend route : new Backend[] {backend(), new ForwardingBackend(backend())}) {
            Buffer out = route.allocate(DType.FLOAT32, grad.length);
            Buffer argmax = route.allocate(DType.INT32, grad.length);
            route.maxPool2d(g, upload(image), out, argmax);
            Buffer gradImage = upload(randomFloats(image.length, 22, 50, 60));
            route.maxPool2dBackward(g, upload(grad), argmax, gradImage);
            float[] routeGradient = route.downloadFloat(gradImage);
            if (first != null) {
                // float arrays compare by floatToIntBits: -0 differs from +0
                assertArrayEquals(first, routeGradient, "max-pool gradient bits, backend against the default route, " + g);
            }
            first = routeGradient;
        }
    }

    @Test
    void shortBuffersAreRejected() {
        ConvGeometry g = new ConvGeometry(2, 3, 6, 6, 3, 3, 1, 1, 1, 1, 1, 1);
        Buffer image = backend().allocate(DType.FLOAT32, imageSize(g));
        Buffer columns = backend().allocate(DType.FLOAT32, columnsSize(g));
        Buffer shortImage = backend().allocate(DType.FLOAT32, imageSize(g) - 1);
        Buffer shortColumns = backend().allocate(DType.FLOAT32, columnsSize(g) - 1);
        assertThrows(IllegalArgumentException.class, () -> backend().im2col(g, 0f, shortImage, columns));
        assertThrows(IllegalArgumentException.class, () -> backend().im2col(g, 0f, image, shortColumns));
        assertThrows(IllegalArgumentException.class, () -> backend().col2im(g, shortColumns, image));
        assertThrows(IllegalArgumentException.class, () -> backend().col2im(g, columns, shortImage));
    }

    static int imageSize(ConvGeometry g) {
        return g.batch() * g.channels() * g.height() * g.width();
    }

    static int columnsSize(ConvGeometry g) {
        return g.batch() * g.colRows() * g.colCols();
    }

    /** Calls {@code tap(imageIndex or -1 for padding, columnIndex)} for every column entry. */
    private interface Tap {
        void at(int pixel, int column);
    }

    private static void forEachTap(ConvGeometry g, Tap tap) {
        int column = 0;
        for (int n = 0; n < g.batch(); n++) {
            for (int c = 0; c < g.channels(); c++) {
                for (int ki = 0; ki < g.kernelH(); ki++) {
                    for (int kj = 0; kj < g.kernelW(); kj++) {
                        for (int oh = 0; oh < g.outH(); oh++) {
                            for (int ow = 0; ow < g.outW(); ow++) {
                                int ih = oh * g.strideH() - g.padH() + ki * g.dilationH();
                                int iw = ow * g.strideW() - g.padW() + kj * g.dilationW();
                                boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
                                tap.at(inside ? ((n * g.channels() + c) * g.height() + ih) * g.width() + iw : -1, column++);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Pixel read by tap t of window o of plane p, or -1 in the padding. */
    private static int pixel(ConvGeometry g, int p, int o, int t) {
        int ih = o / g.outW() * g.strideH() - g.padH() + t / g.kernelW() * g.dilationH();
        int iw = o % g.outW() * g.strideW() - g.padW() + t % g.kernelW() * g.dilationW();
        boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
        return inside ? (p * g.height() + ih) * g.width() + iw : -1;
    }

    /** First tap holding the window's NaN, else its first largest (padding reads negative infinity). */
    private static int[] maxPoolTaps(ConvGeometry g, float[] image) {
        int windows = g.colCols();
        int[] taps = new int[g.batch() * g.channels() * windows];
        for (int w = 0; w < taps.length; w++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < g.kernelH() * g.kernelW(); t++) {
                int pixel = pixel(g, w / windows, w % windows, t);
                double v = pixel < 0 ? Double.NEGATIVE_INFINITY : image[pixel];
                if (t == 0 || v > best || (Double.isNaN(v) && !Double.isNaN(best))) {
                    best = v;
                    taps[w] = t;
                }
            }
        }
        return taps;
    }

    private static double[] maxPoolValues(ConvGeometry g, float[] image, int[] taps) {
        double[] values = new double[taps.length];
        for (int w = 0; w < taps.length; w++) {
            int pixel = pixel(g, w / g.colCols(), w % g.colCols(), taps[w]);
            values[w] = pixel < 0 ? Double.NEGATIVE_INFINITY : image[pixel];
        }
        return values;
    }

    private static double[] maxPoolGradient(ConvGeometry g, float[] grad, int[] taps) {
        double[] image = new double[imageSize(g)];
        for (int w = 0; w < taps.length; w++) {
            int pixel = pixel(g, w / g.colCols(), w % g.colCols(), taps[w]);
            if (pixel >= 0) {
                image[pixel] += grad[w];
            }
        }
        return image;
    }

    static double[] im2colReference(ConvGeometry g, float padValue, float[] image) {
        double[] columns = new double[columnsSize(g)];
        forEachTap(g, (pixel, column) -> columns[column] = pixel < 0 ? padValue : image[pixel]);
        return columns;
    }

    static double[] col2imReference(ConvGeometry g, float[] columns) {
        double[] image = new double[imageSize(g)];
        forEachTap(g, (pixel, column) -> {
            if (pixel >= 0) {
                image[pixel] += columns[column];
            }
        });
        return image;
    }

    /** {sum a*b, sum |a*b|} in float64. */
    private static double[] dot(float[] a, float[] b) {
        double sum = 0;
        double magnitude = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
            magnitude += Math.abs((double) a[i] * b[i]);
        }
        return new double[] {sum, magnitude};
    }
}
