package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.jgrad.backend.GemmShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row-major to cuBLAS mapping, checked on the host: cuBLAS's column-major definition of
 * sgemmStridedBatched, executed in float64 with the mapped arguments on the same buffers, writes
 * exactly what the row-major definition of {@link GemmShape} writes.
 */
class GemmMappingTest {

    /** cublasSgemmStridedBatched's definition: column-major, element (i, j) at i + j * ld. */
    private static void columnMajor(GemmMapping g, float alpha, float beta, double[] first, double[] second, double[] c) {
        for (int b = 0; b < g.batch(); b++) {
            for (int i = 0; i < g.rows(); i++) {
                for (int j = 0; j < g.cols(); j++) {
                    double sum = 0;
                    for (int p = 0; p < g.depth(); p++) {
                        long f = g.offsetFirst() + b * g.strideFirst()
                                + (g.transFirst() ? p + (long) i * g.ldFirst() : i + (long) p * g.ldFirst());
                        long s = g.offsetSecond() + b * g.strideSecond()
                                + (g.transSecond() ? j + (long) p * g.ldSecond() : p + (long) j * g.ldSecond());
                        sum += first[(int) f] * second[(int) s];
                    }
                    int at = (int) (g.offsetC() + b * g.strideC() + i + (long) j * g.ldc());
                    c[at] = alpha * sum + beta * c[at];
                }
            }
        }
    }

    /** GemmShape's definition: row-major, element (r, c) at r * ld + c. */
    private static void rowMajor(GemmShape s, double[] a, double[] b, double[] c) {
        for (int batch = 0; batch < s.batch(); batch++) {
            for (int r = 0; r < s.m(); r++) {
                for (int col = 0; col < s.n(); col++) {
                    double sum = 0;
                    for (int p = 0; p < s.k(); p++) {
                        long ai = s.offsetA() + batch * s.strideA() + (s.transA() ? (long) p * s.lda() + r : (long) r * s.lda() + p);
                        long bi = s.offsetB() + batch * s.strideB() + (s.transB() ? (long) col * s.ldb() + p : (long) p * s.ldb() + col);
                        sum += a[(int) ai] * b[(int) bi];
                    }
                    int at = (int) (s.offsetC() + batch * s.strideC() + (long) r * s.ldc() + col);
                    c[at] = s.alpha() * sum + s.beta() * c[at];
                }
            }
        }
    }

    private static double[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1, 1, 1, false, false, 0, 0",
        "3, 7, 5, 9, false, false, 2, 1",
        "2, 7, 5, 9, true, false, 0, 3",
        "2, 7, 5, 9, false, true, 1, 0",
        "4, 6, 13, 3, true, true, 3, 2",
        "3, 1, 129, 2, true, false, 0, 0"})
    void cublasArgumentsComputeTheRowMajorProduct(int batch, int m, int n, int k, boolean transA, boolean transB,
                                                  int pad, int offset) {
        int rowsA = transA ? k : m;
        int colsA = transA ? m : k;
        int rowsB = transB ? n : k;
        int colsB = transB ? k : n;
        int lda = colsA + pad;
        int ldb = colsB + pad;
        int ldc = n + pad;
        long strideA = (long) rowsA * lda + 1;
        long strideB = batch % 2 == 0 ? 0 : (long) rowsB * ldb; // 0 reuses one B for the batch
        long strideC = (long) m * ldc + 2;
        GemmShape shape = new GemmShape(batch, m, n, k, transA, transB, 0.75f, 0.5f,
                offset, lda, strideA, offset + 1, ldb, strideB, offset, ldc, strideC);
        double[] a = random((int) (offset + batch * strideA), 1);
        double[] b = random((int) (offset + 1 + (batch - 1) * strideB + (long) rowsB * ldb), 2);
        double[] c = random((int) (offset + batch * strideC), 3);
        double[] expected = c.clone();
        rowMajor(shape, a, b, expected);
        GemmMapping mapping = GemmMapping.of(shape);
        assertEquals(n, mapping.rows());
        assertEquals(m, mapping.cols());
        columnMajor(mapping, shape.alpha(), shape.beta(), b, a, c);
        assertArrayEquals(expected, c, 1e-12, shape.toString());
    }
}
