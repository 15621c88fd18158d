package org.jgrad.cpu;

import org.jgrad.DType;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;

/**
 * Reduces the middle axis of x viewed as (outer, size, inner). With inner == 1 each output is a
 * contiguous row, reduced by the (vector) row kernels, rows split over threads, a single long row
 * split into parts. Otherwise the rows s = 0..size-1 stream through a band of output columns
 * wide enough to keep it in L1, bands split over threads. Sums run in one fixed order (rows:
 * {@link FixedOrderSum}; columns: s = 0, 1, ...), so the bits do not depend on threads or path.
 */
final class Reductions {
    /** Elements read below which splitting across threads costs more than it saves. */
    private static final int GRAIN = 1 << 15;
    /** Output columns accumulated at once when inner > 1. */
    private static final int BAND = 512;

    private Reductions() {
    }

    static void reduce(ReduceOp op, float[] x, int outer, int size, int inner, CpuBuffer out) {
        check(op, x, outer, size, inner, out);
        if ((long) outer * inner == 0) {
            return;
        }
        if (inner > 1) {
            columns(op, x, outer, size, inner, out);
        } else if (outer == 1 && size >= 2 * GRAIN && Parallel.threads() > 1) {
            singleRow(op, x, size, out);
        } else if (op.writesIndices()) {
            int[] index = out.ints();
            boolean max = op == ReduceOp.ARGMAX;
            Parallel.forRange(outer, Math.max(1, GRAIN / size), (from, to) -> {
                for (int o = from; o < to; o++) {
                    index[o] = argRow(max, x, o * size, size);
                }
            });
        } else {
            float[] values = out.floats();
            Parallel.forRange(outer, Math.max(1, GRAIN / size), (from, to) -> {
                for (int o = from; o < to; o++) {
                    values[o] = row(op, x, o * size, size);
                }
            });
        }
    }

    private static void check(ReduceOp op, float[] x, int outer, int size, int inner, CpuBuffer out) {
        if (outer < 0 || size < 1 || inner < 0) {
            throw new IllegalArgumentException("reduce " + op + ": (outer, size, inner) = (" + outer + ", " + size
                    + ", " + inner + "); expected outer >= 0, size >= 1, inner >= 0");
        }
        long count = (long) outer * size * inner;
        if (count != x.length) {
            throw new IllegalArgumentException("reduce " + op + ": x has " + x.length
                    + " elements, expected outer*size*inner = " + count);
        }
        DType expected = op.writesIndices() ? DType.INT32 : DType.FLOAT32;
        if (out.dtype() != expected) {
            throw new IllegalArgumentException("reduce " + op + ": out is " + out.dtype() + ", expected " + expected);
        }
        Strides.checkLength("reduce " + op, "out", out.length(), outer * inner);
    }

    /**
     * outer == inner == 1 on a long row: a sum shares {@link FixedOrderSum}'s blocks among the
     * threads; otherwise each thread reduces a part, then the parts are combined in order (the
     * extremes and their first index do not depend on where the parts end).
     */
    private static void singleRow(ReduceOp op, float[] x, int size, CpuBuffer out) {
        if (op == ReduceOp.SUM) {
            out.floats()[0] = FixedOrderSum.parallelSum(x, 0, size);
            return;
        }
        int parts = Parallel.threads();
        int[] start = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            start[p] = (int) ((long) size * p / parts);
        }
        boolean max = op == ReduceOp.ARGMAX;
        float[] value = new float[parts];
        int[] index = new int[parts];
        Parallel.forRange(parts, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int n = start[p + 1] - start[p];
                if (op.writesIndices()) {
                    index[p] = start[p] + argRow(max, x, start[p], n);
                    value[p] = x[index[p]];
                } else {
                    value[p] = row(op, x, start[p], n);
                }
            }
        });
        if (op.writesIndices()) {
            int best = 0;
            for (int p = 1; p < parts; p++) {
                best = ScalarReduce.beats(max, value[p], value[best]) ? p : best;
            }
            out.ints()[0] = index[best];
        } else {
            out.floats()[0] = ScalarReduce.row(op, value, 0, parts);
        }
    }

    /** inner > 1: work items are (o, band) pairs; each streams the size rows of its band. */
    private static void columns(ReduceOp op, float[] x, int outer, int size, int inner, CpuBuffer out) {
        int bands = (inner + BAND - 1) / BAND;
        long itemWork = (long) size * Math.min(inner, BAND);
        boolean max = op == ReduceOp.ARGMAX;
        Parallel.forRange(outer * bands, (int) Math.max(1, GRAIN / itemWork), (from, to) -> {
            float[] scratch = op.writesIndices() ? new float[BAND] : null;
            for (int item = from; item < to; item++) {
                int o = item / bands;
                int first = (item % bands) * BAND;
                int width = Math.min(BAND, inner - first);
                int src = o * size * inner + first;
                int dst = o * inner + first;
                if (op.writesIndices()) {
                    ScalarReduce.argColumns(max, x, src, size, inner, out.ints(), dst, width, scratch);
                } else {
                    accumulateColumns(op, x, src, size, inner, out.floats(), dst, width);
                }
            }
        });
    }

    /** values[dst + k] = op over s of x[src + s·inner + k], row by row through the elementwise kernels. */
    private static void accumulateColumns(ReduceOp op, float[] x, int src, int size, int inner, float[] values, int dst,
                                          int width) {
        BinaryOp combine = op == ReduceOp.SUM ? BinaryOp.ADD : op == ReduceOp.MAX ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM;
        System.arraycopy(x, src, values, dst, width);
        for (int s = 1; s < size; s++) {
            Elementwise.run(combine, values, dst, 1, x, src + s * inner, 1, values, dst, width);
        }
    }

    static float row(ReduceOp op, float[] x, int from, int n) {
        return VectorSupport.enabled() ? VectorReduce.row(op, x, from, n) : ScalarReduce.row(op, x, from, n);
    }

    private static int argRow(boolean max, float[] x, int from, int n) {
        return VectorSupport.enabled() ? VectorReduce.argRow(max, x, from, n) : ScalarReduce.argRow(max, x, from, n);
    }
}
