package org.jgrad.cuda;

import org.jgrad.backend.GemmShape;

/**
 * A row-major {@link GemmShape} as the column-major call cuBLAS takes. A row-major matrix read
 * column-major is its transpose, and C = op(A) op(B) is C^T = op(B)^T op(A)^T, so cuBLAS computes
 * the m x n row-major C as the n x m column-major C^T with the operands swapped: first B (with
 * B's transpose flag, leading dimension, offset and stride), then A. Nothing is copied.
 *
 * @param transFirst whether cuBLAS transposes its first operand (B)
 * @param transSecond whether cuBLAS transposes its second operand (A)
 * @param rows cuBLAS's m: the columns n of the row-major C
 * @param cols cuBLAS's n: the rows m of the row-major C
 */
record GemmMapping(boolean transFirst, boolean transSecond, int rows, int cols, int depth,
                   int offsetFirst, int ldFirst, long strideFirst,
                   int offsetSecond, int ldSecond, long strideSecond,
                   int offsetC, int ldc, long strideC, int batch) {

    static GemmMapping of(GemmShape s) {
        return new GemmMapping(s.transB(), s.transA(), s.n(), s.m(), s.k(),
                s.offsetB(), s.ldb(), s.strideB(),
                s.offsetA(), s.lda(), s.strideA(),
                s.offsetC(), s.ldc(), s.strideC(), s.batch());
    }
}
