package org.jgrad.cpu;

import java.util.Arrays;
import org.jgrad.backend.ReduceOp;

/** Plain-Java reductions of one contiguous row; also the definitions the vector path must match. */
final class ScalarReduce {
    private ScalarReduce() {
    }

    /** SUM, MAX or MIN of x[from, from + n), n >= 1; MAX and MIN return NaN if any element is NaN. */
    static float row(ReduceOp op, float[] x, int from, int n) {
        int to = from + n;
        switch (op) {
            case SUM -> {
                return FixedOrderSum.sum(x, from, n);
            }
            case MAX -> {
                float max = x[from];
                for (int i = from + 1; i < to; i++) {
                    max = Math.max(max, x[i]);
                }
                return max;
            }
            case MIN -> {
                float min = x[from];
                for (int i = from + 1; i < to; i++) {
                    min = Math.min(min, x[i]);
                }
                return min;
            }
            default -> throw new IllegalArgumentException(op + " writes indices, not a value");
        }
    }

    /** Index (from 0) of the first largest (max) or smallest element of x[from, from + n); the first NaN wins. */
    static int argRow(boolean max, float[] x, int from, int n) {
        int best = 0;
        float bestValue = x[from];
        for (int k = 1; k < n; k++) {
            if (beats(max, x[from + k], bestValue)) {
                best = k;
                bestValue = x[from + k];
            }
        }
        return best;
    }

    /** Whether v replaces best in an arg search seen in index order: strictly better, or the first NaN. */
    static boolean beats(boolean max, float v, float best) {
        return (max ? v > best : v < best) || (v != v && best == best);
    }

    /**
     * Arg search down columns: for k in [0, width), index[at + k] = first s in [0, size) with the
     * extreme x[from + s·inner + k]. {@code best} is scratch of at least width.
     */
    static void argColumns(boolean max, float[] x, int from, int size, int inner, int[] index, int at, int width,
                           float[] best) {
        System.arraycopy(x, from, best, 0, width);
        Arrays.fill(index, at, at + width, 0);
        for (int s = 1; s < size; s++) {
            int rowStart = from + s * inner;
            for (int k = 0; k < width; k++) {
                float v = x[rowStart + k];
                if (beats(max, v, best[k])) {
                    best[k] = v;
                    index[at + k] = s;
                }
            }
        }
    }
}
