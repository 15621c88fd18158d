package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.GemmShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batched GEMM against a float64 triple loop written here. Operands are random in [-1, 1); the
 * elements a shape does not address are NaN in A and B (so reading them shows) and random in C
 * (so writing them shows). Each element may differ from the float64 value by the worst-case
 * float32 rounding of a k-term dot product in any order: about (k + 4) u sum|alpha a b| + u |beta c|.
 */
public class GemmConformance extends ConformanceSupport {
    private static final double UNIT_ROUNDOFF = 0x1p-24;

    static Stream<Arguments> sizesAndTransposes() {
        int[][] sizes = {{1, 1, 1}, {7, 7, 7}, {129, 129, 129}, {3, 1000, 5}, {3, 5, 1000}, {1000, 3, 5},
            {1, 1, 1000}, {1, 1000, 1000}, {1000, 1, 30}, {200, 1100, 600}, {64, 64, 64}, {6, 32, 8}};
        return Stream.of(sizes).flatMap(s -> Stream.of(
                Arguments.of(s[0], s[1], s[2], false, false), Arguments.of(s[0], s[1], s[2], true, false),
                Arguments.of(s[0], s[1], s[2], false, true), Arguments.of(s[0], s[1], s[2], true, true)));
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("sizesAndTransposes")
    void denseProductsMatchFloat64(int m, int n, int k, boolean transA, boolean transB) {
        check(GemmShape.dense(1, m, n, k, transA, transB), 1);
    }

    @ParameterizedTest(name = "alpha={0} beta={1}")
    @MethodSource("alphasAndBetas")
    void alphaAndBetaScale(float alpha, float beta) {
        for (int size : new int[] {5, 150}) {
            check(withScalars(GemmShape.dense(2, size, size + 3, size + 1, false, true), alpha, beta), 2);
        }
    }

    static Stream<Arguments> alphasAndBetas() {
        return Stream.of(Arguments.of(1f, 1f), Arguments.of(-1.5f, 0.5f), Arguments.of(0.25f, -2f),
                Arguments.of(0f, 2f), Arguments.of(0f, 0f), Arguments.of(2f, 1f));
    }

    @Test
    void betaZeroOverwritesNanInC() {
        for (int size : new int[] {4, 7, 130}) {
            GemmShape shape = withScalars(GemmShape.dense(1, size, size, size, false, false), 1.5f, 0f);
            float[] c = new float[size * size];
            Arrays.fill(c, Float.NaN);
            check(shape, operand(shape, 'A', 3), operand(shape, 'B', 4), c);
        }
    }

    @Test
    void zeroDepthScalesC() {
        check(withScalars(GemmShape.dense(3, 9, 40, 0, false, false), 1f, 0.5f), 5);
        check(withScalars(GemmShape.dense(1, 9, 40, 0, true, true), 1f, 0f), 6);
    }

    @ParameterizedTest(name = "transA={0} transB={1}")
    @MethodSource("transposes")
    void offsetsAndLeadingDimensionsWiderThanRows(boolean transA, boolean transB) {
        for (int[] s : new int[][] {{7, 9, 11}, {131, 70, 300}, {1, 9, 11}, {9, 1, 300}}) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            GemmShape shape = new GemmShape(2, m, n, k, transA, transB, 0.75f, -0.5f,
                    5, (transA ? m : k) + 3, (long) (transA ? k : m) * ((transA ? m : k) + 3) + 7,
                    11, (transB ? k : n) + 17, (long) (transB ? n : k) * ((transB ? k : n) + 17) + 1,
                    2, n + 5, (long) m * (n + 5) + 13);
            check(shape, 7);
        }
    }

    static Stream<Arguments> transposes() {
        return Stream.of(Arguments.of(false, false), Arguments.of(true, false), Arguments.of(false, true),
                Arguments.of(true, true));
    }

    @Test
    void zeroBatchStrideReusesOneMatrix() {
        for (int[] s : new int[][] {{4, 4, 4}, {70, 90, 50}}) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            GemmShape sharedB = new GemmShape(5, m, n, k, false, false, 1f, 0f,
                    0, k, (long) m * k, 3, n, 0, 0, n, (long) m * n);
            check(sharedB, 8);
            GemmShape sharedA = new GemmShape(5, m, n, k, true, true, 1f, 1f,
                    1, m, 0, 0, k, (long) n * k, 0, n, (long) m * n);
            check(sharedA, 9);
        }
    }

    @Test
    void manySmallProductsInOneBatch() {
        check(GemmShape.dense(2000, 4, 4, 4, false, false), 10);
        check(withScalars(GemmShape.dense(300, 3, 2, 17, true, false), 2f, 0.5f), 11);
        check(GemmShape.dense(6, 40, 50, 60, false, true), 12);
    }

    @Test
    void emptyProductsTouchNothing() {
        check(GemmShape.dense(0, 5, 5, 5, false, false), 13);
        check(GemmShape.dense(3, 0, 5, 5, false, false), 14);
        check(GemmShape.dense(3, 5, 0, 5, true, true), 15);
    }

    @Test
    void operandsTooSmallAreRejected() {
        GemmShape shape = GemmShape.dense(2, 8, 9, 10, false, false);
        Buffer a = upload(randomFloats(2 * 8 * 10, 1));
        Buffer b = upload(randomFloats(2 * 10 * 9, 2));
        Buffer c = upload(randomFloats(2 * 8 * 9, 3));
        Buffer shortA = upload(randomFloats(2 * 8 * 10 - 1, 4));
        Buffer shortC = upload(randomFloats(2 * 8 * 9 - 1, 5));
        assertThrows(IllegalArgumentException.class, () -> backend().gemm(shape, shortA, b, c));
        assertThrows(IllegalArgumentException.class, () -> backend().gemm(shape, a, b, shortC));
        GemmShape narrowLda = new GemmShape(1, 8, 9, 10, false, false, 1f, 0f, 0, 9, 0, 0, 9, 0, 0, 9, 0);
        assertThrows(IllegalArgumentException.class, () -> backend().gemm(narrowLda, a, b, c));
        GemmShape negativeOffset = new GemmShape(1, 8, 9, 10, false, false, 1f, 0f, -1, 10, 0, 0, 9, 0, 0, 9, 0);
        assertThrows(IllegalArgumentException.class, () -> backend().gemm(negativeOffset, a, b, c));
    }

    private static GemmShape withScalars(GemmShape s, float alpha, float beta) {
        return new GemmShape(s.batch(), s.m(), s.n(), s.k(), s.transA(), s.transB(), alpha, beta,
                s.offsetA(), s.lda(), s.strideA(), s.offsetB(), s.ldb(), s.strideB(), s.offsetC(), s.ldc(), s.strideC());
    }

    /** Runs {@code shape} on random operands (seeded) and compares C with the float64 reference (public for backend-specific tests). */
    public void check(GemmShape shape, long seed) {
        float[] c = randomFloats(extent(shape.batch(), shape.m(), shape.n(), shape.offsetC(), shape.ldc(),
                shape.strideC()), seed * 31 + 3);
        check(shape, operand(shape, 'A', seed * 31 + 1), operand(shape, 'B', seed * 31 + 2), c);
    }

    private void check(GemmShape shape, float[] a, float[] b, float[] c) {
        double[] bound = new double[c.length];
        double[] expected = reference(shape, a, b, c, bound);
        Buffer cBuffer = upload(c);
        backend().gemm(shape, upload(a), upload(b), cBuffer);
        float[] actual = backend().downloadFloat(cBuffer);
        assertEquals(c.length, actual.length, "length of C after gemm");
        for (int i = 0; i < c.length; i++) {
            boolean ok = Double.isNaN(expected[i]) ? Float.isNaN(actual[i])
                    : Math.abs(actual[i] - expected[i]) <= bound[i];
            if (!ok) {
                fail(shape + ": C element " + i + " is " + actual[i] + ", expected " + expected[i] + " +- " + bound[i]);
            }
        }
    }

    /** A or B as stored for {@code shape}: random where addressed, NaN in every gap. */
    private static float[] operand(GemmShape s, char which, long seed) {
        boolean isA = which == 'A';
        boolean trans = isA ? s.transA() : s.transB();
        int rows = isA ? (trans ? s.k() : s.m()) : (trans ? s.n() : s.k());
        int cols = isA ? (trans ? s.m() : s.k()) : (trans ? s.k() : s.n());
        int offset = isA ? s.offsetA() : s.offsetB();
        int ld = isA ? s.lda() : s.ldb();
        long stride = isA ? s.strideA() : s.strideB();
        float[] values = new float[extent(s.batch(), rows, cols, offset, ld, stride)];
        Arrays.fill(values, Float.NaN);
        SplittableRandom random = new SplittableRandom(seed);
        for (int e = 0; e < s.batch(); e++) {
            for (int r = 0; r < rows; r++) {
                for (int col = 0; col < cols; col++) {
                    values[(int) (offset + e * stride + (long) r * ld + col)] = (float) (2 * random.nextDouble() - 1);
                }
            }
        }
        return values;
    }

    /** Array length holding every addressed element plus a tail of 3 that must stay untouched. */
    private static int extent(int batch, int rows, int cols, int offset, int ld, long stride) {
        long last = batch == 0 || rows == 0 || cols == 0 ? offset : offset + (batch - 1) * stride + (long) (rows - 1) * ld + cols;
        return (int) last + 3;
    }

    /** C after the product in float64, entries in order; bound[i] is the float32 error allowed there. */
    private static double[] reference(GemmShape s, float[] a, float[] b, float[] c, double[] bound) {
        double[] out = doubles(c);
        for (int e = 0; e < s.batch(); e++) {
            for (int i = 0; i < s.m(); i++) {
                for (int j = 0; j < s.n(); j++) {
                    double sum = 0;
                    double magnitude = 0;
                    for (int p = 0; p < s.k(); p++) {
                        double ab = (double) a[aIndex(s, e, i, p)] * b[bIndex(s, e, p, j)];
                        sum += ab;
                        magnitude += Math.abs(ab);
                    }
                    int at = (int) (s.offsetC() + e * s.strideC() + (long) i * s.ldc() + j);
                    double old = s.beta() == 0 ? 0 : s.beta() * out[at];
                    out[at] = s.alpha() == 0 ? old : s.alpha() * sum + old;
                    // Entries that share C (a C batch stride of 0) apply in order, so their errors add up.
                    double carried = s.beta() == 0 ? 0 : Math.abs(s.beta()) * bound[at];
                    bound[at] = carried + 2 * UNIT_ROUNDOFF * ((s.k() + 4) * Math.abs(s.alpha()) * magnitude + 2 * Math.abs(old));
                }
            }
        }
        return out;
    }

    private static int aIndex(GemmShape s, int e, int i, int p) {
        long base = s.offsetA() + e * s.strideA();
        return (int) (s.transA() ? base + (long) p * s.lda() + i : base + (long) i * s.lda() + p);
    }

    private static int bIndex(GemmShape s, int e, int p, int j) {
        long base = s.offsetB() + e * s.strideB();
        return (int) (s.transB() ? base + (long) j * s.ldb() + p : base + (long) p * s.ldb() + j);
    }
}
