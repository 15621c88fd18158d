package org.jgrad.cpu;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.UnaryOp;

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
    /** Elements widened per pass: a multiple of every lane count, small enough to stay in L1. */
    private static final int CHUNK = 256;
    private static final long SIGN_BIT = Long.MIN_VALUE;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(FloatMath.ROUNDER);

    private VectorFloatMath() {
    }

    /** out[i] = op(x[i]) for i in [from, to); op is EXP, SIGMOID or TANH. */
    static void apply(UnaryOp op, float[] x, float[] out, int from, int to) {
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

    /**
     * As {@link FloatMath#tanh}: Taylor below 1/16, (1 - e^-2a) / (1 + e^-2a) above. The choice
     * and the sign are bit operations (the sign of a - 1/16 spread over the lane): with a double
     * compare, blend and abs, JDK 17's C2 left calls unintrinsified (-XX:+PrintIntrinsics on AVX2)
     * and this ran slower than the scalar loop.
     */
    private static void tanh(double[] w, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            LongVector xBits = DoubleVector.fromArray(D, w, i).viewAsIntegralLanes();
            DoubleVector a = xBits.and(~SIGN_BIT).viewAsFloatingLanes().min(FloatMath.TANH_LIMIT);
            DoubleVector small = a.mul(horner(FloatMath.TANH_TAYLOR, a.mul(a)));
            DoubleVector u = expWide(a.mul(-2));
            DoubleVector large = DoubleVector.broadcast(D, 1).sub(u).div(u.add(1));
            LongVector isSmall = a.sub(FloatMath.TANH_SMALL).viewAsIntegralLanes().lanewise(ASHR, 63);
            LongVector magnitude = small.viewAsIntegralLanes().and(isSmall)
                    .or(large.viewAsIntegralLanes().and(isSmall.not()));
            magnitude.or(xBits.and(SIGN_BIT)).viewAsFloatingLanes().intoArray(w, i);
        }
    }

    /**
     * {@link FloatMath#expWide} lane by lane. The scalar scales by two powers of two, this by one:
     * both products are exact (|k| <= 217 keeps 2^k and the result normal in float64), so the
     * bits agree. The integer k is read from the rounder's mantissa bits, as the scalar reads it
     * from a float's: JDK 17's C2 did not intrinsify the vector double-to-long conversion here.
     */
    private static DoubleVector expWide(DoubleVector d) {
        DoubleVector x = d.max(-FloatMath.EXP_LIMIT).min(FloatMath.EXP_LIMIT);
        DoubleVector rounded = x.fma(FloatMath.LOG2E, FloatMath.ROUNDER);
        DoubleVector k = rounded.sub(FloatMath.ROUNDER);
        DoubleVector r = k.fma(DoubleVector.broadcast(D, -FloatMath.LN2_LO), k.fma(DoubleVector.broadcast(D, -FloatMath.LN2_HI), x));
        DoubleVector p = horner(FloatMath.EXP_TAYLOR, r);
        LongVector e = rounded.viewAsIntegralLanes().sub(ROUNDER_BITS);
        return p.mul(e.add(1023).lanewise(LSHL, 52).viewAsFloatingLanes());
    }

    private static DoubleVector horner(double[] coefficients, DoubleVector z) {
        DoubleVector p = DoubleVector.broadcast(D, coefficients[0]);
        for (int i = 1; i < coefficients.length; i++) {
            p = p.fma(z, DoubleVector.broadcast(D, coefficients[i]));
        }
        return p;
    }
}
