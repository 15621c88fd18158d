package org.jgrad.cpu;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.UnaryOp;

/**
 * Vector API unary kernels over a contiguous range; exp, sigmoid and tanh run {@link FloatMath}'s
 * algorithms on float64 lanes ({@link VectorFloatMath}), log, erf and GELU are left to
 * {@link ScalarUnary}, so both paths give the same bits. Loaded only when
 * {@link VectorSupport#enabled()}.
 *
 * <p>Each op has its own small method, and only arrays and ints cross it: C2 compiles a switch
 * case it has not yet seen run as a call, and a call into a Vector API method that was not
 * inlined runs unintrinsified and boxed, hundreds of times slower. A call to one of these
 * methods is harmless, since each is compiled with its own profile.
 */
final class VectorUnary {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorUnary() {
    }

    /** out[i] = op(x[i]) for i in [from, to); the ragged tail goes to {@link ScalarUnary}. */
    static void apply(UnaryOp op, float alpha, float[] x, float[] out, int from, int to) {
        int upper = from + S.loopBound(to - from);
        int i = switch (op) {
            case NEG -> neg(x, out, from, upper);
            case SQRT -> sqrt(x, out, from, upper);
            case ABS -> abs(x, out, from, upper);
            case SIGN -> sign(x, out, from, upper);
            case RELU -> relu(x, out, from, upper);
            case LEAKY_RELU -> leakyRelu(alpha, x, out, from, upper);
            // FloatMath's functions, so both paths give the same bits. A first vector version
            // narrowed float64 lanes into 128-bit float vectors beside the 256-bit ones: a second
            // float shape made C2's type profiles of the shared Vector API methods polymorphic
            // (see VectorMicroKernel) and the MNIST MLP ran 10x slower. VectorFloatMath widens
            // and narrows with plain loops instead, so no second float shape exists.
            case EXP, SIGMOID, TANH -> vectorFloatMath(op, x, out, from, to);
            case LOG, GELU, ERF -> from;
        };
        ScalarUnary.apply(op, alpha, x, out, i, to);
    }

    private static int vectorFloatMath(UnaryOp op, float[] x, float[] out, int from, int to) {
        VectorFloatMath.apply(op, x, out, from, to);
        return to;
    }

    private static int neg(float[] x, float[] out, int i, int upper) {
        for (; i < upper; i += L) FloatVector.fromArray(S, x, i).neg().intoArray(out, i);
        return i;
    }

    private static int sqrt(float[] x, float[] out, int i, int upper) {
        for (; i < upper; i += L) FloatVector.fromArray(S, x, i).sqrt().intoArray(out, i);
        return i;
    }

    private static int abs(float[] x, float[] out, int i, int upper) {
        for (; i < upper; i += L) FloatVector.fromArray(S, x, i).abs().intoArray(out, i);
        return i;
    }

    /** signum: ±0 and NaN map to themselves. */
    private static int sign(float[] x, float[] out, int i, int upper) {
        for (; i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.blend(1f, v.compare(GT, 0f)).blend(-1f, v.compare(LT, 0f)).intoArray(out, i);
        }
        return i;
    }

    /** x > 0 ? x : 0, so NaN maps to 0 as the reference has it. */
    private static int relu(float[] x, float[] out, int i, int upper) {
        for (; i < upper; i += L) {
            FloatVector.fromArray(S, x, i).lanewise(MAX, 0f).intoArray(out, i);
        }
        return i;
    }

    private static int leakyRelu(float slope, float[] x, float[] out, int i, int upper) {
        for (; i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            v.mul(slope).blend(v, v.compare(GT, 0f)).intoArray(out, i);
        }
        return i;
    }
}
