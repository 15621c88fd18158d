package org.jgrad.cpu;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.NE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.BinaryOp;

/**
 * Vector API kernels for one run of {@link StridedLoop} whose inputs each step by 1 (contiguous)
 * or 0 (a broadcast scalar): same-shape tensors, scalar operands, broadcast rows and columns.
 * As in {@link VectorUnary}, one small method per op with only arrays and ints crossing it.
 * Loaded only when {@link VectorSupport#enabled()}.
 */
final class VectorBinary {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorBinary() {
    }

    /** Whether {@link #run} and {@link #where} handle an input step. */
    static boolean handles(int step) {
        return step == 0 || step == 1;
    }

    /** As {@link ScalarBinary#run}, for steps of 0 or 1; the ragged tail goes to it. */
    static void run(BinaryOp op, float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int n) {
        // pow stays on the scalar loop: StrictMath.pow gives the same bits in every JIT tier
        int m = op == BinaryOp.POW ? 0 : S.loopBound(n);
        switch (op) {
            case ADD -> add(a, ai, as, b, bi, bs, out, o, m);
            case SUB -> sub(a, ai, as, b, bi, bs, out, o, m);
            case MUL -> mul(a, ai, as, b, bi, bs, out, o, m);
            case DIV -> div(a, ai, as, b, bi, bs, out, o, m);
            case POW -> { }
            case MAXIMUM -> max(a, ai, as, b, bi, bs, out, o, m);
            case MINIMUM -> min(a, ai, as, b, bi, bs, out, o, m);
            case EQ -> equal(1f, 0f, a, ai, as, b, bi, bs, out, o, m);
            case NE -> equal(0f, 1f, a, ai, as, b, bi, bs, out, o, m);
            case LT -> less(a, ai, as, b, bi, bs, out, o, m);
            case GT -> less(b, bi, bs, a, ai, as, out, o, m);
            case LE -> lessOrEqual(a, ai, as, b, bi, bs, out, o, m);
            case GE -> lessOrEqual(b, bi, bs, a, ai, as, out, o, m);
        }
        ScalarBinary.run(op, a, ai + m * as, as, b, bi + m * bs, bs, out, o + m, n - m);
    }

    /** out[i] = grad[i] * (x[i] <= 0 ? 0 : 1) for the whole vectors from {@code from}; returns where they end. */
    static int reluGradient(float[] x, float[] grad, float[] out, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector passes = one.blend(0f, FloatVector.fromArray(S, x, i).compare(LE, 0f));
            FloatVector.fromArray(S, grad, i).mul(passes).intoArray(out, i);
        }
        return i;
    }

    private static void add(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        for (int k = 0; k < m; k += L) load(a, ai, as, a0, k).add(load(b, bi, bs, b0, k)).intoArray(out, o + k);
    }

    private static void sub(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        for (int k = 0; k < m; k += L) load(a, ai, as, a0, k).sub(load(b, bi, bs, b0, k)).intoArray(out, o + k);
    }

    private static void mul(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        for (int k = 0; k < m; k += L) load(a, ai, as, a0, k).mul(load(b, bi, bs, b0, k)).intoArray(out, o + k);
    }

    private static void div(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        for (int k = 0; k < m; k += L) load(a, ai, as, a0, k).div(load(b, bi, bs, b0, k)).intoArray(out, o + k);
    }

    /** Lane-wise MAX follows Math.max: NaN wins, as the contract asks. */
    private static void max(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        for (int k = 0; k < m; k += L) {
            load(a, ai, as, a0, k).lanewise(MAX, load(b, bi, bs, b0, k)).intoArray(out, o + k);
        }
    }

    private static void min(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        for (int k = 0; k < m; k += L) {
            load(a, ai, as, a0, k).lanewise(MIN, load(b, bi, bs, b0, k)).intoArray(out, o + k);
        }
    }

    /** EQ writes (1, 0) for (equal, not), NE writes (0, 1): NaN is unequal to everything either way. */
    private static void equal(float ifEqual, float otherwise, float[] a, int ai, int as, float[] b, int bi, int bs,
                              float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        FloatVector no = FloatVector.broadcast(S, otherwise);
        for (int k = 0; k < m; k += L) {
            no.blend(ifEqual, load(a, ai, as, a0, k).compare(EQ, load(b, bi, bs, b0, k))).intoArray(out, o + k);
        }
    }

    /** LT, and GT with the operands swapped. */
    private static void less(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        FloatVector zero = FloatVector.zero(S);
        for (int k = 0; k < m; k += L) {
            zero.blend(1f, load(a, ai, as, a0, k).compare(LT, load(b, bi, bs, b0, k))).intoArray(out, o + k);
        }
    }

    /** LE, and GE with the operands swapped. */
    private static void lessOrEqual(float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int m) {
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        FloatVector zero = FloatVector.zero(S);
        for (int k = 0; k < m; k += L) {
            zero.blend(1f, load(a, ai, as, a0, k).compare(LE, load(b, bi, bs, b0, k))).intoArray(out, o + k);
        }
    }

    /** As {@link ScalarBinary#where}, for steps of 0 or 1. */
    static void where(float[] c, int ci, int cs, float[] a, int ai, int as, float[] b, int bi, int bs,
                      float[] out, int o, int n) {
        FloatVector c0 = FloatVector.broadcast(S, c[ci]);
        FloatVector a0 = FloatVector.broadcast(S, a[ai]);
        FloatVector b0 = FloatVector.broadcast(S, b[bi]);
        int k = 0;
        for (int m = S.loopBound(n); k < m; k += L) {
            VectorMask<Float> takeA = load(c, ci, cs, c0, k).compare(NE, 0f);
            load(b, bi, bs, b0, k).blend(load(a, ai, as, a0, k), takeA).intoArray(out, o + k);
        }
        ScalarBinary.where(c, ci + k * cs, cs, a, ai + k * as, as, b, bi + k * bs, bs, out, o + k, n - k);
    }

    /** Element k of an input run: a load when it steps by 1, its broadcast first element when it steps by 0. */
    private static FloatVector load(float[] x, int start, int step, FloatVector first, int k) {
        return step == 0 ? first : FloatVector.fromArray(S, x, start + k);
    }
}
