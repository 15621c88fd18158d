package org.jgrad.cpu;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.ReduceOp;

/**
 * Vector API reductions of one contiguous row, with the semantics of {@link ScalarReduce}.
 * Loaded only when {@link VectorSupport#enabled()}.
 */
final class VectorReduce {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorReduce() {
    }

    /** As {@link ScalarReduce#row}; lane-wise MAX and MIN propagate NaN like Math.max and Math.min. */
    static float row(ReduceOp op, float[] x, int from, int n) {
        if (n < L) {
            return ScalarReduce.row(op, x, from, n);
        }
        return switch (op) {
            case SUM -> FixedOrderSum.sum(x, from, n);
            case MAX -> max(x, from, n);
            case MIN -> min(x, from, n);
            default -> throw new IllegalArgumentException(op + " writes indices, not a value");
        };
    }

    // One method per op, for the reason given in VectorUnary.

    /**
     * Adds x[from + i] to lanes[i mod 16] for the whole groups of 16 in [from, from + n) and returns
     * how many elements it took: {@link FixedOrderSum}'s order, with 16 / L vectors of L lanes.
     */
    static int blockLanes(float[] x, int from, int n, float[] lanes) {
        int groups = FixedOrderSum.LANES / L;
        if (groups * L != FixedOrderSum.LANES || groups > 4) {
            return 0;
        }
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        int i = 0;
        for (; i + FixedOrderSum.LANES <= n; i += FixedOrderSum.LANES) {
            a0 = a0.add(FloatVector.fromArray(S, x, from + i));
            if (groups > 1) {
                a1 = a1.add(FloatVector.fromArray(S, x, from + i + L));
            }
            if (groups > 2) {
                a2 = a2.add(FloatVector.fromArray(S, x, from + i + 2 * L));
                a3 = a3.add(FloatVector.fromArray(S, x, from + i + 3 * L));
            }
        }
        a0.intoArray(lanes, 0);
        if (groups > 1) {
            a1.intoArray(lanes, L);
        }
        if (groups > 2) {
            a2.intoArray(lanes, 2 * L);
            a3.intoArray(lanes, 3 * L);
        }
        return i;
    }

    private static float max(float[] x, int from, int n) {
        int end = from + n;
        int upper = from + S.loopBound(n);
        FloatVector acc = FloatVector.fromArray(S, x, from);
        int i = from + L;
        for (; i < upper; i += L) acc = acc.lanewise(MAX, FloatVector.fromArray(S, x, i));
        float max = acc.reduceLanes(MAX);
        for (; i < end; i++) max = Math.max(max, x[i]);
        return max;
    }

    private static float min(float[] x, int from, int n) {
        int end = from + n;
        int upper = from + S.loopBound(n);
        FloatVector acc = FloatVector.fromArray(S, x, from);
        int i = from + L;
        for (; i < upper; i += L) acc = acc.lanewise(MIN, FloatVector.fromArray(S, x, i));
        float min = acc.reduceLanes(MIN);
        for (; i < end; i++) min = Math.min(min, x[i]);
        return min;
    }

    /**
     * As {@link ScalarReduce#argRow}, in two passes: the extreme value, then the first lane equal
     * to it, or the first NaN when the extreme is NaN (MAX and MIN return NaN only if there is one).
     */
    static int argRow(boolean max, float[] x, int from, int n) {
        float extreme = row(max ? ReduceOp.MAX : ReduceOp.MIN, x, from, n);
        int k = 0;
        for (int upper = S.loopBound(n); k < upper; k += L) {
            FloatVector v = FloatVector.fromArray(S, x, from + k);
            int lane = v.compare(EQ, extreme).or(v.compare(NE, v)).firstTrue();
            if (lane < L) {
                return k + lane;
            }
        }
        return k + ScalarReduce.argRow(max, x, from + k, n - k);
    }
}
