package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.PreparedB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Backend.prepareGemmB}: a run of products by one prepared B (different m, A, C, alpha and
 * beta each time, as the steps of a sequence) gives, to the bit, what the same products give with B
 * itself, which {@link GemmConformance} checks against float64; here one product is also checked
 * against a float64 loop of its own. Depths span one and several panels of k, widths whole and
 * partial column strips, row counts one (a matrix-vector product), one block and several.
 */
public class PreparedGemmConformance extends ConformanceSupport {

    static Stream<Arguments> shapesOfB() {
        return Stream.of(Arguments.of(9, 10, false, 0, 0), Arguments.of(256, 1024, false, 0, 0),
                Arguments.of(300, 1000, false, 7, 5), Arguments.of(1024, 256, false, 0, 3),
                Arguments.of(300, 17, true, 2, 0), Arguments.of(64, 48, true, 0, 11), Arguments.of(1, 33, false, 0, 0));
    }

    @ParameterizedTest(name = "k={0} n={1} transB={2} ldb pad={3} offsetB={4}")
    @MethodSource("shapesOfB")
    void productsByAPreparedBEqualProductsByBItself(int k, int n, boolean transB, int pad, int offsetB) {
        int ldb = (transB ? k : n) + pad;
        float[] b = randomFloats(offsetB + (transB ? n : k) * ldb, k * 7919L + n);
        Buffer bBuffer = upload(b);
        int[] rows = {32, 1, 5, 100, 200, 32};
        float[][] scalars = {{1f, 1f}, {1f, 0f}, {-0.5f, 2f}, {2f, 1f}, {1f, 0.25f}, {0f, 0.5f}};
        try (PreparedB prepared = backend().prepareGemmB(product(rows[0], k, n, transB, ldb, offsetB, 1f, 1f), bBuffer)) {
            for (int t = 0; t < rows.length; t++) {
                GemmShape shape = product(rows[t], k, n, transB, ldb, offsetB, scalars[t][0], scalars[t][1]);
                float[] a = randomFloats(rows[t] * k, 31L * t + k);
                float[] c = randomFloats(rows[t] * n, 37L * t + n);
                Buffer viaPrepared = upload(c);
                Buffer viaPlain = upload(c);
                backend().gemm(shape, upload(a), prepared, viaPrepared);
                backend().gemm(shape, upload(a), bBuffer, viaPlain);
                assertArrayEquals(backend().downloadFloat(viaPlain), backend().downloadFloat(viaPrepared),
                        shape + ": C through the prepared B differs from C through B itself");
            }
        }
    }

    @Test
    void aProductThroughAPreparedBMatchesFloat64() {
        int m = 37;
        int n = 70;
        int k = 300;
        float[] a = randomFloats(m * k, 1);
        float[] b = randomFloats(k * n, 2);
        float[] c = randomFloats(m * n, 3);
        GemmShape shape = product(m, k, n, false, n, 0, 0.5f, -1f);
        Buffer cBuffer = upload(c);
        try (PreparedB prepared = backend().prepareGemmB(shape, upload(b))) {
            backend().gemm(shape, upload(a), prepared, cBuffer);
        }
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[i * k + p] * b[p * n + j];
                }
                expected[i * n + j] = 0.5 * sum - c[i * n + j];
            }
        }
        assertClose("C = 0.5 A B - C through a prepared B", expected, backend().downloadFloat(cBuffer), 1e-5, 1e-4);
    }

    @Test
    void aProductThatDoesNotFitThePreparedBIsRejected() {
        GemmShape prepared = product(4, 10, 9, false, 9, 0, 1f, 0f);
        Buffer a = upload(randomFloats(4 * 10, 1));
        Buffer c = upload(randomFloats(4 * 9, 2));
        try (PreparedB b = backend().prepareGemmB(prepared, upload(randomFloats(10 * 9, 3)))) {
            assertRejected(IllegalArgumentException.class,
                    () -> backend().gemm(product(4, 10, 8, false, 9, 0, 1f, 0f), a, b, c), "prepared for k=10 n=9", "n=8");
            assertRejected(IllegalArgumentException.class,
                    () -> backend().gemm(product(4, 10, 9, true, 10, 0, 1f, 0f), a, b, c), "transB=false", "transB=true");
            GemmShape twoEntries = new GemmShape(2, 2, 9, 10, false, false, 1f, 0f, 0, 10, 20, 0, 9, 0, 0, 9, 18);
            assertRejected(IllegalArgumentException.class, () -> backend().gemm(twoEntries, a, b, c), "batch=2");
        }
    }

    @Test
    void aBufferTooSmallForTheShapeIsRejectedWhenPrepared() {
        Buffer shortB = upload(randomFloats(10 * 9 - 1, 4));
        assertRejected(IllegalArgumentException.class,
                () -> backend().prepareGemmB(product(4, 10, 9, false, 9, 0, 1f, 0f), shortB), "B addresses element 89",
                "89 elements");
    }

    /** m x n = alpha A (m x k, dense) op(B) + beta C (dense), B as given. */
    private static GemmShape product(int m, int k, int n, boolean transB, int ldb, int offsetB, float alpha, float beta) {
        return new GemmShape(1, m, n, k, false, transB, alpha, beta, 0, k, 0, offsetB, ldb, 0, 0, n, 0);
    }
}
