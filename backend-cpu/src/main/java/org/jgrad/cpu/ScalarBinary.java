package org.jgrad.cpu;

import org.jgrad.backend.BinaryOp;

/**
 * Plain-Java kernels for one run of {@link StridedLoop}: n elements, each input read with its own
 * step (any value, 0 broadcasting), the output contiguous. Also the tail after the vector loop, and
 * all of pow: StrictMath's is pure Java, so it rounds alike in every JIT tier (Math.pow is an intrinsic).
 */
final class ScalarBinary {
    private ScalarBinary() {
    }

    /** out[o + k] = op(a[ai + k·as], b[bi + k·bs]) for k in [0, n). One loop per op keeps the switch outside. */
    static void run(BinaryOp op, float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int n) {
        switch (op) {
            case ADD -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] + b[bi + k * bs]; }
            case SUB -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] - b[bi + k * bs]; }
            case MUL -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] * b[bi + k * bs]; }
            case DIV -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] / b[bi + k * bs]; }
            case POW -> { for (int k = 0; k < n; k++) out[o + k] = (float) StrictMath.pow(a[ai + k * as], b[bi + k * bs]); }
            case MAXIMUM -> { for (int k = 0; k < n; k++) out[o + k] = Math.max(a[ai + k * as], b[bi + k * bs]); }
            case MINIMUM -> { for (int k = 0; k < n; k++) out[o + k] = Math.min(a[ai + k * as], b[bi + k * bs]); }
            case EQ -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] == b[bi + k * bs] ? 1 : 0; }
            case NE -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] != b[bi + k * bs] ? 1 : 0; }
            case LT -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] < b[bi + k * bs] ? 1 : 0; }
            case LE -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] <= b[bi + k * bs] ? 1 : 0; }
            case GT -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] > b[bi + k * bs] ? 1 : 0; }
            case GE -> { for (int k = 0; k < n; k++) out[o + k] = a[ai + k * as] >= b[bi + k * bs] ? 1 : 0; }
        }
    }

    /** out[o + k] = c[ci + k·cs] != 0 ? a[ai + k·as] : b[bi + k·bs] for k in [0, n). */
    static void where(float[] c, int ci, int cs, float[] a, int ai, int as, float[] b, int bi, int bs,
                      float[] out, int o, int n) {
        for (int k = 0; k < n; k++) {
            out[o + k] = c[ci + k * cs] != 0 ? a[ai + k * as] : b[bi + k * bs];
        }
    }
}
