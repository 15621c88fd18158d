package org.jgrad.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FusedBatchNorm}'s row loops on vectors: the same float operations lane by lane, so the
 * same bits as its scalar loops, which finish each row from the index returned. As in
 * {@link VectorUnary}, one small method per loop with only arrays and numbers crossing it.
 * Loaded only when {@link VectorSupport#enabled()}.
 */
final class VectorBatchNorm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorBatchNorm() {
    }

    /** centered[base + i] = x[base + i] - mean, squares[i] = its square; returns the first i not done. */
    static int center(float[] x, int base, float mean, float[] centered, float[] squares, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector d = FloatVector.fromArray(S, x, base + i).sub(mean);
            d.intoArray(centered, base + i);
            d.mul(d).intoArray(squares, i);
        }
        return i;
    }

    /** products[i] = grad[base + i] * centered[base + i]; returns the first i not done. */
    static int products(float[] grad, float[] centered, int base, float[] products, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, grad, base + i).mul(FloatVector.fromArray(S, centered, base + i))
                    .intoArray(products, i);
        }
        return i;
    }

    /** out[i] = centered[i] * scale + bias for i in [from, to) by whole vectors; returns the first i not done. */
    static int scaleAndShift(float[] centered, float scale, float bias, float[] out, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector.fromArray(S, centered, i).mul(scale).add(bias).intoArray(out, i);
        }
        return i;
    }

    /** out[i] = centered[i] * scale, as {@link #scaleAndShift} without the bias. */
    static int scale(float[] centered, float scale, float[] out, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector.fromArray(S, centered, i).mul(scale).intoArray(out, i);
        }
        return i;
    }

    /** gradInput[i] = grad[i] * scale + centered[i] * k + c0 for i in [from, to) by whole vectors. */
    static int inputGradient(float[] grad, float[] centered, float scale, float k, float c0, float[] gradInput,
                             int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector.fromArray(S, grad, i).mul(scale).add(FloatVector.fromArray(S, centered, i).mul(k)).add(c0)
                    .intoArray(gradInput, i);
        }
        return i;
    }
}
