package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Backend.softmaxRows} and {@code softmaxRowsBackward} against float64 loops written here,
 * on the backend's own route and on the SPI's composed defaults; the backend's bits equal the
 * defaults' (the primitive keeps the default's operations and order). Rows hold random values, a
 * few -inf (masked keys), one is -inf throughout (zeros, zero gradient), one holds a value near
 * float's exp limit, one a NaN (NaN throughout, as PyTorch's softmax gives).
 */
public class SoftmaxRowsConformance extends ConformanceSupport {

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(6, 5), Arguments.of(7, 128), Arguments.of(64, 33),
                Arguments.of(9, 1000), Arguments.of(1, 40000));
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("shapes")
    void softmaxAndItsGradientMatchFloat64OnBothRoutes(int rows, int cols) {
        float[] x = scores(rows, cols, 11L * rows + cols);
        float[] g = randomFloats(rows * cols, 5L * rows + cols, -2, 2);
        float[][] own = run(backend(), rows, cols, x, g);
        float[][] composed = run(new ForwardingBackend(backend()), rows, cols, x, g);
        assertArrayEquals(composed[0], own[0], "softmaxRows: the backend's bits differ from the composed default's");
        assertArrayEquals(composed[1], own[1], "softmaxRowsBackward: the backend's bits differ from the composed default's");
        double[][] expected = reference(rows, cols, x, g);
        double rtol = 1e-5 + cols * 1.2e-7;
        assertClose("softmaxRows " + rows + "x" + cols, expected[0], own[0], rtol, 1e-7);
        assertClose("softmaxRowsBackward " + rows + "x" + cols, expected[1], own[1], 10 * rtol, 1e-6);
    }

    /** Random scores with masked keys; row 1 masked throughout, row 2 with a value of 88, row 3 with a NaN. */
    private static float[] scores(int rows, int cols, long seed) {
        float[] x = randomFloats(rows * cols, seed, -4, 4);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < x.length; i++) {
            if (random.nextInt(7) == 0 && i % cols != 0) {
                x[i] = Float.NEGATIVE_INFINITY;
            }
        }
        if (rows > 1) {
            java.util.Arrays.fill(x, cols, 2 * cols, Float.NEGATIVE_INFINITY);
        }
        if (rows > 2) {
            x[2 * cols + cols / 2] = 88f;
        }
        if (rows > 3) {
            x[3 * cols + cols - 1] = Float.NaN;
        }
        return x;
    }

    private static float[][] run(Backend backend, int rows, int cols, float[] x, float[] g) {
        Buffer xBuffer = upload(backend, x);
        Buffer p = backend.allocate(DType.FLOAT32, x.length);
        backend.softmaxRows(rows, cols, xBuffer, p);
        Buffer dx = backend.allocate(DType.FLOAT32, x.length);
        backend.softmaxRowsBackward(rows, cols, p, upload(backend, g), dx);
        return new float[][] {backend.downloadFloat(p), backend.downloadFloat(dx)};
    }

    private static Buffer upload(Backend backend, float[] values) {
        Buffer buffer = backend.allocate(DType.FLOAT32, values.length);
        backend.upload(values, buffer);
        return buffer;
    }

    /** p and dx in float64: a row without a finite maximum gives zeros, a row with a NaN NaN throughout. */
    private static double[][] reference(int rows, int cols, float[] x, float[] g) {
        double[] p = new double[x.length];
        double[] dx = new double[x.length];
        for (int r = 0; r < rows; r++) {
            int from = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            boolean nan = false;
            for (int i = from; i < from + cols; i++) {
                nan |= Float.isNaN(x[i]);
                max = Math.max(max, x[i]);
            }
            double sum = 0;
            for (int i = from; i < from + cols; i++) {
                p[i] = max == Double.NEGATIVE_INFINITY ? 0 : Math.exp(x[i] - max);
                sum += p[i];
            }
            double dot = 0;
            for (int i = from; i < from + cols; i++) {
                p[i] = nan ? Double.NaN : sum == 0 ? 0 : p[i] / sum;
                dot += g[i] * p[i];
            }
            for (int i = from; i < from + cols; i++) {
                dx[i] = p[i] * (g[i] - dot);
            }
        }
        return new double[][] {p, dx};
    }
}
