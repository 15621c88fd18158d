package org.jgrad.backend;

/**
 * A batch of row-major products {@code C[i] = alpha * op(A[i]) op(B[i]) + beta * C[i]}, where op
 * transposes when the flag says so. op(A) is m x k, op(B) is k x n, C is m x n. Leading dimensions
 * are in elements as stored (lda is A's row length as stored: k, or m when transA). Batch strides
 * and offsets are in elements; a batch stride of 0 reuses one matrix for the whole batch.
 */
public record GemmShape(int batch, int m, int n, int k, boolean transA, boolean transB,
                        float alpha, float beta,
                        int offsetA, int lda, long strideA,
                        int offsetB, int ldb, long strideB,
                        int offsetC, int ldc, long strideC) {

    public GemmShape {
        if (batch < 0 || m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size batch=" + batch + " m=" + m + " n=" + n + " k=" + k);
        }
    }

    /** Dense, contiguous operands: lda/ldb/ldc and batch strides follow from the sizes. */
    public static GemmShape dense(int batch, int m, int n, int k, boolean transA, boolean transB) {
        return new GemmShape(batch, m, n, k, transA, transB, 1f, 0f,
                0, transA ? m : k, (long) m * k,
                0, transB ? k : n, (long) k * n,
                0, n, (long) m * n);
    }
}
