package org.jgrad.cpu.gemm;

import java.util.Arrays;
import org.jgrad.backend.GemmShape;

/**
 * One validated {@link Sgemm#sgemm} call: the shape and the three arrays (and B packed already,
 * or null), with the index arithmetic every path shares. All indices fit in an int because {@link GemmChecks} proved
 * that the last addressed element of each operand lies inside its array.
 */
record GemmCall(GemmShape shape, float[] a, float[] b, float[] c, PackedB packed) {

    /** Index in {@code a} of op(A)(0, 0) for batch entry {@code entry}. */
    int aBase(int entry) {
        return (int) (shape.offsetA() + entry * shape.strideA());
    }

    int bBase(int entry) {
        return (int) (shape.offsetB() + entry * shape.strideB());
    }

    int cBase(int entry) {
        return (int) (shape.offsetC() + entry * shape.strideC());
    }

    /** Index of op(A)(i, p) given {@link #aBase}: A is stored m x k, or k x m when transposed. */
    int aIndex(int base, int i, int p) {
        return shape.transA() ? base + p * shape.lda() + i : base + i * shape.lda() + p;
    }

    /** Index of op(B)(p, j) given {@link #bBase}: B is stored k x n, or n x k when transposed. */
    int bIndex(int base, int p, int j) {
        return shape.transB() ? base + j * shape.ldb() + p : base + p * shape.ldb() + j;
    }

    /**
     * C(i, j) = factor * C(i, j) over rows [i0, i1) and columns [j0, j1); a factor of 0 writes
     * zeros without reading C, so NaN or garbage already there does not survive (BLAS beta = 0).
     */
    void scaleC(int entry, int i0, int i1, int j0, int j1, float factor) {
        if (factor == 1f) {
            return;
        }
        int ldc = shape.ldc();
        int base = cBase(entry);
        for (int i = i0; i < i1; i++) {
            int row = base + i * ldc;
            if (factor == 0f) {
                Arrays.fill(c, row + j0, row + j1, 0f);
            } else {
                for (int j = row + j0; j < row + j1; j++) {
                    c[j] = factor * c[j];
                }
            }
        }
    }
}
