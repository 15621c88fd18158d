package org.jgrad.cpu;

import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;

/**
 * {@code Backend.softmaxRows} and its gradient, one row at a time so that the row stays in L1 (the
 * composed default makes seven passes over the whole matrix forward, four backward). Each step is
 * the default's, in its order: the row's maximum and sum by the reduce primitive's row routine, exp
 * by the unary kernels, every subtraction, division and product rounded once as the binary kernels
 * round it; so the bits are the default's on either kernel path.
 */
final class SoftmaxRows {
    /** Elements per parallel chunk, at least. */
    private static final int GRAIN = 1 << 14;

    private SoftmaxRows() {
    }

    static void forward(int rows, int cols, float[] x, float[] out) {
        check("softmaxRows", rows, cols, x, out);
        boolean vector = VectorSupport.enabled();
        Parallel.forRange(rows, Math.max(1, GRAIN / Math.max(1, cols)), (r0, r1) -> {
            for (int from = r0 * cols; from < r1 * cols; from += cols) {
                int to = from + cols;
                float max = Math.max(Reductions.row(ReduceOp.MAX, x, from, cols), -Float.MAX_VALUE);
                for (int i = from; i < to; i++) {
                    out[i] = x[i] - max;
                }
                if (vector) {
                    VectorUnary.apply(UnaryOp.EXP, 0f, out, out, from, to);
                } else {
                    ScalarUnary.apply(UnaryOp.EXP, 0f, out, out, from, to);
                }
                // a row with a finite maximum sums to at least 1; only a row that is -inf throughout sums to 0
                float sum = Math.max(Reductions.row(ReduceOp.SUM, out, from, cols), Float.MIN_NORMAL);
                for (int i = from; i < to; i++) {
                    out[i] = out[i] / sum;
                }
            }
        });
    }

    static void backward(int rows, int cols, float[] p, float[] g, float[] dx) {
        check("softmaxRowsBackward", rows, cols, p, dx);
        Strides.checkLength("softmaxRowsBackward", "g", g.length, p.length);
        Parallel.forRange(rows, Math.max(1, GRAIN / Math.max(1, cols)), (r0, r1) -> {
            for (int from = r0 * cols; from < r1 * cols; from += cols) {
                int to = from + cols;
                for (int i = from; i < to; i++) {
                    dx[i] = g[i] * p[i];
                }
                float dot = Reductions.row(ReduceOp.SUM, dx, from, cols);
                for (int i = from; i < to; i++) {
                    dx[i] = p[i] * (g[i] - dot);
                }
            }
        });
    }

    private static void check(String op, int rows, int cols, float[] in, float[] out) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(op + ": negative size rows=" + rows + " cols=" + cols);
        }
        Strides.checkLength(op, "input", in.length, rows * cols);
        Strides.checkLength(op, "output", out.length, rows * cols);
    }
}
