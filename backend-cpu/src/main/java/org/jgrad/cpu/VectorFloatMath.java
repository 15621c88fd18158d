package org.jgrad.cpu;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.D2L;
import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath}'s exp, sigmoid and tanh on float64 Vector API lanes: the same operations in the
 * same order, lane by lane, so the bits are those of the scalar functions (IEEE 754 rounds each
 * add, multiply, divide, fma, min and max alike in a lane and in a scalar). Floats are widened
 * into a small double buffer and narrowed back by plain loops, so the only vector shapes are the
 * preferred double and long ones: no second float shape to make the float kernels' type profiles
 * polymorphic (see {@link VectorUnary}). Loaded only when {@link VectorSupport#enabled()}.
 */
final class VectorFloatMath {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    /** Elements widened per pass: a multiple of every lane count, small enough to stay in L1. */
    private static final int CHUNK = 256;
    private static final long SIGN_BIT = Long.MIN_VALUE;

    private VectorFloatMath() {
    }

    /** out[i] = op(x[i]) for i in [from, to); op is EXP, SIGMOID or TANH. */
    static void apply(org.jgrad.backend.UnaryOp op, float[] x, float[] out, int from, int to) {
        double[] wide = new double[Math.min(CHUNK, to - from)];
        for (int start = from; start < to; start += CHUNK) {
            int n = Math.min(CHUNK, to - start);
            for (int i = 0; i < n; i++) {
                wide[i] = x[start + i];
            }
            int upper = D.loopBound(n);
            switch (op) {
                case EXP -> exp(wide, upper);
                case SIGMOID -> sigmoid(wide, upper);
                case TANH -> tanh(wide, upper);
                default -> throw new IllegalArgumentException("VectorFloatMath: no vector " + op);
            }
            for (int i = 0; i < upper; i++) {
                out[start + i] = (float) wide[i];
            }
            ScalarUnary.apply(op, 0f, x, out, start + upper, start + n);
        }
    }

    private static void exp(double[] w, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            expWide(DoubleVector.fromArray(D, w, i)).intoArray(w, i);
        }
    }

    private static void sigmoid(double[] w, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector e = expWide(DoubleVector.fromArray(D, w, i).neg());
            DoubleVector.broadcast(D, 1).div(e.add(1)).intoArray(w, i);
        }
    }

    /** As {@link FloatMath#tanh}: Taylor below 1/16, (1 - e^-2a) / (1 + e^-2a) above; the sign put back by its bit. */
    private static void tanh(double[] w, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, w, i);
            DoubleVector a = x.abs().min(FloatMath.TANH_LIMIT);
            DoubleVector small = a.mul(horner(FloatMath.TANH_TAYLOR, a.mul(a)));
            DoubleVector u = expWide(a.mul(-2));
            DoubleVector large = DoubleVector.broadcast(D, 1).sub(u).div(u.add(1));
            VectorMask<Double> isSmall = a.compare(VectorOperators.LT, FloatMath.TANH_SMALL);
            LongVector magnitude = large.blend(small, isSmall).viewAsIntegralLanes();
            LongVector sign = x.viewAsIntegralLanes().and(SIGN_BIT);
            magnitude.or(sign).viewAsFloatingLanes().intoArray(w, i);
        }
    }

    /** {@link FloatMath#expWide} lane by lane. */
    private static DoubleVector expWide(DoubleVector d) {
        DoubleVector x = d.max(-FloatMath.EXP_LIMIT).min(FloatMath.EXP_LIMIT);
        DoubleVector k = x.fma(FloatMath.LOG2E, FloatMath.ROUNDER).sub(FloatMath.ROUNDER);
        DoubleVector r = k.fma(DoubleVector.broadcast(D, -FloatMath.LN2_LO), k.fma(DoubleVector.broadcast(D, -FloatMath.LN2_HI), x));
        DoubleVector p = horner(FloatMath.EXP_TAYLOR, r);
        LongVector e = (LongVector) k.convert(D2L, 0);
        LongVector half = e.lanewise(ASHR, 1);
        return p.mul(powerOfTwo(half)).mul(powerOfTwo(e.sub(half)));
    }

    private static DoubleVector powerOfTwo(LongVector e) {
        return e.add(1023).lanewise(LSHL, 52).viewAsFloatingLanes();
    }

    private static DoubleVector horner(double[] coefficients, DoubleVector z) {
        DoubleVector p = DoubleVector.broadcast(D, coefficients[0]);
        for (int i = 1; i < coefficients.length; i++) {
            p = p.fma(z, DoubleVector.broadcast(D, coefficients[i]));
        }
        return p;
    }
}
