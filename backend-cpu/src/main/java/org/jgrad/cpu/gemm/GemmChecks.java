package org.jgrad.cpu.gemm;

import org.jgrad.backend.GemmShape;

/** Rejects a GEMM whose leading dimensions, offsets, strides or arrays cannot hold its operands. */
final class GemmChecks {
    private GemmChecks() {
    }

    static void validate(GemmShape s, float[] a, float[] b, float[] c) {
        int m = s.m();
        int n = s.n();
        int k = s.k();
        // op(A) is m x k, stored k x m when transposed; likewise B. C is always m x n.
        check("A", a, s.batch(), s.transA() ? k : m, s.transA() ? m : k, s.offsetA(), s.lda(), s.strideA());
        check("B", b, s.batch(), s.transB() ? n : k, s.transB() ? k : n, s.offsetB(), s.ldb(), s.strideB());
        check("C", c, s.batch(), m, n, s.offsetC(), s.ldc(), s.strideC());
    }

    /** An operand stored as {@code rows} x {@code cols} with row length {@code ld}, repeated per batch entry. */
    private static void check(String name, float[] array, int batch, int rows, int cols, int offset, int ld,
                              long stride) {
        String layout = " (" + name + " stored " + rows + "x" + cols + ", offset " + offset + ", ld " + ld
                + ", batch stride " + stride + ", batch " + batch + ")";
        if (offset < 0 || stride < 0) {
            throw new IllegalArgumentException("gemm: negative offset or batch stride for " + name + layout);
        }
        if (ld < cols) {
            throw new IllegalArgumentException("gemm: leading dimension of " + name + " is " + ld
                    + ", expected at least its stored row length " + cols + layout);
        }
        if (batch == 0 || rows == 0 || cols == 0) {
            return;
        }
        long last = offset + (batch - 1) * stride + (long) (rows - 1) * ld + cols - 1;
        if (last >= array.length) {
            throw new IllegalArgumentException("gemm: " + name + " addresses element " + last + " but its buffer has "
                    + array.length + " elements" + layout);
        }
    }
}
