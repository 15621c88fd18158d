package org.jgrad.cpu.gemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.jgrad.backend.GemmShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Both register tiles of the Vector API path, whichever this CPU prefers (the backend's suite runs
 * only that one): every element must be Sgemm's chain, acc = beta C (0 when beta is 0, C unread),
 * then acc = fma(alpha A(i, p), B(p, j), acc) for p in order, computed here one element at a time.
 * The shapes cover partial tiles in both directions, a last strip of 4 rows under an 8-row tile,
 * more than one panel of k, both transposes, offsets and leading dimensions wider than the matrix.
 */
class VectorBlockedGemmTest {

    @ParameterizedTest(name = "{0}-row tile")
    @ValueSource(ints = {4, 8})
    void everyElementIsTheSpecifiedChain(int rows) {
        VectorBlockedGemm path = new VectorBlockedGemm(rows);
        Random random = new Random(rows);
        int[][] sizes = {{1, 1, 1}, {8, 32, 5}, {13, 40, 7}, {20, 33, 16}, {100, 70, 600}, {24, 96, 1100}, {3, 130, 33}};
        for (int[] size : sizes) {
            for (int variant = 0; variant < 8; variant++) {
                boolean transA = (variant & 1) != 0;
                boolean transB = (variant & 2) != 0;
                float beta = new float[] {0f, 1f, 0.5f, -2f}[(variant + size[2]) % 4];
                float alpha = (variant & 4) != 0 ? 0.75f : 1f;
                check(path, random, size[0], size[1], size[2], transA, transB, alpha, beta);
            }
        }
    }

    @Test
    void onlyTilesOfFourOrEightRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VectorBlockedGemm(6));
        assertEquals("register tile of 6 rows; expected 4 or 8", e.getMessage());
    }

    private static void check(VectorBlockedGemm path, Random random, int m, int n, int k, boolean transA, boolean transB,
                              float alpha, float beta) {
        int lda = (transA ? m : k) + 3;
        int ldb = (transB ? k : n) + 1;
        int ldc = n + 5;
        GemmShape shape = new GemmShape(1, m, n, k, transA, transB, alpha, beta,
                2, lda, 0, 1, ldb, 0, 4, ldc, 0);
        float[] a = filled(random, 2 + lda * (transA ? k : m));
        float[] b = filled(random, 1 + ldb * (transB ? n : k));
        float[] c = filled(random, 4 + ldc * m);
        if (beta == 0f) {
            c[4] = Float.NaN;
        }
        float[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = 4 + i * ldc + j;
                float acc = beta == 0f ? 0f : beta * c[at];
                for (int p = 0; p < k; p++) {
                    float aip = alpha * a[2 + (transA ? p * lda + i : i * lda + p)];
                    acc = Math.fma(aip, b[1 + (transB ? j * ldb + p : p * ldb + j)], acc);
                }
                expected[at] = acc;
            }
        }
        path.multiply(new GemmCall(shape, a, b, c, null), 0, 0, m, 0, n);
        for (int at = 0; at < c.length; at++) {
            assertEquals(Float.floatToIntBits(expected[at]), Float.floatToIntBits(c[at]),
                    "element " + at + " of C for " + shape + ": " + expected[at] + " expected, " + c[at] + " computed");
        }
    }

    private static float[] filled(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
