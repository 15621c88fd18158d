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
 *
 * <p>Each function is a few passes over the L1-resident buffer, and no pass calls a method of
 * ours: C2 declines to inline a callee it has already compiled on its own when the call site's
 * profile looks cold (tier-2 code keeps no call counts), and a Vector API value that crosses a
 * call that was not inlined runs unintrinsified and boxed. tanh through helper methods measured
 * 26–40 ns an element that way; as passes, 4–6 ns (exp 3–4).
 */
final class VectorFloatMath {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Elements widened per pass: a multiple of every lane count, small enough to stay in L1. */
    private static final int CHUNK = 256;
    /** Each thread's two chunk buffers, kept between calls: the LSTM cell makes four calls a row at every step. */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[2][CHUNK]);
    private static final long SIGN_BIT = Long.MIN_VALUE;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(FloatMath.ROUNDER);

    private VectorFloatMath() {
    }

    /** out[i] = op(x[i]) for i in [from, to); op is EXP, SIGMOID or TANH. */
    static void apply(UnaryOp op, float[] x, float[] out, int from, int to) {
        double[][] buffers = BUFFERS.get();
        double[] wide = buffers[0];
        double[] scratch = buffers[1];
        for (int start = from; start < to; start += CHUNK) {
            int n = Math.min(CHUNK, to - start);
            for (int i = 0; i < n; i++) {
                wide[i] = x[start + i];
            }
            int upper = D.loopBound(n);
            switch (op) {
                case EXP -> exp(wide, upper);
                case SIGMOID -> {
                    negate(wide, upper);
                    exp(wide, upper);
                    reciprocalOfOnePlus(wide, upper);
                }
                case TANH -> {
                    minusTwiceMagnitude(wide, scratch, upper);
                    exp(scratch, upper);
                    tanhFromExp(wide, scratch, upper);
                }
                default -> throw new IllegalArgumentException("VectorFloatMath: no vector " + op);
            }
            for (int i = 0; i < upper; i++) {
                out[start + i] = (float) wide[i];
            }
            ScalarUnary.apply(op, 0f, x, out, start + upper, start + n);
        }
    }

    /**
     * w = {@link FloatMath#expWide}(w), lane by lane. The scalar scales by two powers of two, this
     * by one: both products are exact (|k| <= 217 keeps 2^k and the result normal in float64), so
     * the bits agree. The integer k is read from the rounder's mantissa bits, as the scalar reads
     * it from a float's: JDK 17's C2 did not intrinsify the vector double-to-long conversion here.
     */
    private static void exp(double[] w, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, w, i).max(-FloatMath.EXP_LIMIT).min(FloatMath.EXP_LIMIT);
            DoubleVector rounded = x.fma(FloatMath.LOG2E, FloatMath.ROUNDER);
            DoubleVector k = rounded.sub(FloatMath.ROUNDER);
            DoubleVector r = k.fma(DoubleVector.broadcast(D, -FloatMath.LN2_LO),
                    k.fma(DoubleVector.broadcast(D, -FloatMath.LN2_HI), x));
            DoubleVector p = DoubleVector.broadcast(D, FloatMath.EXP_TAYLOR[0]);
            for (int c = 1; c < FloatMath.EXP_TAYLOR.length; c++) {
                p = p.fma(r, DoubleVector.broadcast(D, FloatMath.EXP_TAYLOR[c]));
            }
            LongVector e = rounded.viewAsIntegralLanes().sub(ROUNDER_BITS);
            p.mul(e.add(1023).lanewise(LSHL, 52).viewAsFloatingLanes()).intoArray(w, i);
        }
    }

    private static void negate(double[] w, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector.fromArray(D, w, i).neg().intoArray(w, i);
        }
    }

    private static void reciprocalOfOnePlus(double[] w, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector.broadcast(D, 1).div(DoubleVector.fromArray(D, w, i).add(1)).intoArray(w, i);
        }
    }

    /** u = -2a, a = min(|x|, 20): the argument of tanh's exponential. */
    private static void minusTwiceMagnitude(double[] x, double[] u, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            DoubleVector.fromArray(D, x, i).viewAsIntegralLanes().and(~SIGN_BIT).viewAsFloatingLanes()
                    .min(FloatMath.TANH_LIMIT).mul(-2).intoArray(u, i);
        }
    }

    /**
     * As {@link FloatMath#tanh}: Taylor below 1/16, (1 - u) / (1 + u) with u = e^-2a above, into x.
     * The choice and the sign are bit operations (the sign of a - 1/16 spread over the lane): with
     * a double compare, blend and abs, JDK 17's C2 left calls unintrinsified (-XX:+PrintIntrinsics
     * on AVX2) and this ran slower than the scalar loop.
     */
    private static void tanhFromExp(double[] x, double[] u, int upper) {
        for (int i = 0; i < upper; i += D.length()) {
            LongVector xBits = DoubleVector.fromArray(D, x, i).viewAsIntegralLanes();
            DoubleVector a = xBits.and(~SIGN_BIT).viewAsFloatingLanes().min(FloatMath.TANH_LIMIT);
            DoubleVector z = a.mul(a);
            DoubleVector p = DoubleVector.broadcast(D, FloatMath.TANH_TAYLOR[0]);
            for (int c = 1; c < FloatMath.TANH_TAYLOR.length; c++) {
                p = p.fma(z, DoubleVector.broadcast(D, FloatMath.TANH_TAYLOR[c]));
            }
            DoubleVector small = a.mul(p);
            DoubleVector e = DoubleVector.fromArray(D, u, i);
            DoubleVector large = DoubleVector.broadcast(D, 1).sub(e).div(e.add(1));
            LongVector isSmall = a.sub(FloatMath.TANH_SMALL).viewAsIntegralLanes().lanewise(ASHR, 63);
            LongVector result = small.viewAsIntegralLanes().and(isSmall)
                    .or(large.viewAsIntegralLanes().and(isSmall.not()));
            result.or(xBits.and(SIGN_BIT)).viewAsFloatingLanes().intoArray(x, i);
        }
    }
}
