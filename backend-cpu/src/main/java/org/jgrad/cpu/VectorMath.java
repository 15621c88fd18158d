package org.jgrad.cpu;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatMath} a vector at a time: the same operations in the same order, so both paths give
 * the same bits. Floats are widened to doubles of the preferred shape; the bit work is done on
 * ints of half that shape (128-bit ints need no AVX2). Loaded only when {@link VectorSupport#enabled()}.
 */
final class VectorMath {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    static final int LANES = D.length();

    private VectorMath() {
    }

    static DoubleVector load(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(F, x, i).convertShape(F2D, D, 0);
    }

    static FloatVector narrow(DoubleVector d) {
        return (FloatVector) d.convertShape(D2F, F, 0);
    }

    static DoubleVector widen(FloatVector f) {
        return (DoubleVector) f.convertShape(F2D, D, 0);
    }

    static DoubleVector expWide(DoubleVector d) {
        DoubleVector x = d.max(-FloatMath.EXP_LIMIT).min(FloatMath.EXP_LIMIT);
        DoubleVector k = x.fma(FloatMath.LOG2E, FloatMath.ROUNDER).sub(FloatMath.ROUNDER);
        DoubleVector r = k.fma(c(-FloatMath.LN2_LO), k.fma(c(-FloatMath.LN2_HI), x));
        DoubleVector p = horner(FloatMath.EXP_TAYLOR, r);
        IntVector e = narrow(k).add(FloatMath.FLOAT_ROUNDER).reinterpretAsInts().sub(FloatMath.FLOAT_ROUNDER_BITS);
        IntVector half = e.lanewise(ASHR, 1);
        return p.mul(powerOfTwo(half)).mul(powerOfTwo(e.sub(half)));
    }

    private static DoubleVector powerOfTwo(IntVector e) {
        return widen(e.add(127).lanewise(LSHL, 23).reinterpretAsFloats());
    }

    static FloatVector log(FloatVector x) {
        VectorMask<Float> tiny = x.compare(LT, 0x1p-126f);
        IntVector bits = x.blend(x.mul(0x1p25f), tiny).reinterpretAsInts()
                .add(0x3f800000 - FloatMath.SQRT_HALF_BITS);
        FloatVector k = ((FloatVector) bits.lanewise(ASHR, 23).convertShape(I2F, F, 0))
                .sub(FloatVector.broadcast(F, 127f).blend(152f, tiny));
        DoubleVector f = widen(bits.and(0x007fffff).add(FloatMath.SQRT_HALF_BITS).reinterpretAsFloats()).sub(1);
        DoubleVector s = f.div(f.add(2));
        DoubleVector q = horner(FloatMath.LOG_SERIES, s.mul(s));
        FloatVector result = narrow(widen(k).fma(c(FloatMath.LN2), s.mul(q)));
        result = result.blend(x, x.compare(EQ, Float.POSITIVE_INFINITY));
        result = result.blend(Float.NEGATIVE_INFINITY, x.compare(EQ, 0f));
        return result.blend(Float.NaN, x.compare(GE, 0f).not());
    }

    static FloatVector tanh(FloatVector x) {
        DoubleVector a = widen(x).abs().min(FloatMath.TANH_LIMIT);
        DoubleVector small = a.mul(horner(FloatMath.TANH_TAYLOR, a.mul(a)));
        DoubleVector u = expWide(a.mul(-2));
        DoubleVector large = c(1).sub(u).div(c(1).add(u));
        IntVector magnitude = narrow(large.blend(small, a.compare(LT, FloatMath.TANH_SMALL))).reinterpretAsInts();
        return magnitude.and(0x7fffffff).or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
    }

    static DoubleVector sigmoid(DoubleVector x) {
        return c(1).div(c(1).add(expWide(x.neg())));
    }

    static DoubleVector erf(DoubleVector z) {
        DoubleVector a = z.abs();
        DoubleVector series = z.mul(horner(FloatMath.ERF_TAYLOR, z.mul(z)));
        DoubleVector tail = c(1).sub(erfcTail(a));
        return tail.blend(tail.neg(), z.compare(LT, 0)).blend(series, a.compare(LT, FloatMath.ERF_SMALL));
    }

    static DoubleVector gelu(DoubleVector x) {
        DoubleVector z = x.mul(FloatMath.FRAC_1_SQRT_2);
        DoubleVector a = z.abs();
        DoubleVector series = z.mul(horner(FloatMath.ERF_TAYLOR, z.mul(z)));
        DoubleVector erfc = erfcTail(a);
        DoubleVector onePlusErf = erfc.blend(c(2).sub(erfc), z.compare(GT, 0))
                .blend(c(1).add(series), a.compare(LT, FloatMath.ERF_SMALL));
        return x.mul(0.5).mul(onePlusErf);
    }

    private static DoubleVector erfcTail(DoubleVector a) {
        DoubleVector cl = a.min(FloatMath.ERFC_LIMIT);
        DoubleVector u = cl.sub(FloatMath.ERFC_K).div(cl.add(FloatMath.ERFC_K))
                .fma(FloatMath.ERFC_U_SCALE, FloatMath.ERFC_U_SHIFT);
        DoubleVector u2 = u.mul(2);
        DoubleVector b1 = DoubleVector.zero(D);
        DoubleVector b2 = DoubleVector.zero(D);
        double[] coefficients = FloatMath.ERFC_CHEBYSHEV;
        for (int i = coefficients.length - 1; i >= 1; i--) {
            DoubleVector b = u2.fma(b1, c(coefficients[i]).sub(b2));
            b2 = b1;
            b1 = b;
        }
        DoubleVector s = u.fma(b1, c(coefficients[0]).sub(b2));
        DoubleVector erfc = expWide(cl.mul(cl).neg()).mul(s).div(c(1).add(cl.mul(2)));
        return erfc.blend(0, a.compare(GE, FloatMath.ERFC_LIMIT));
    }

    private static DoubleVector horner(double[] coefficients, DoubleVector z) {
        DoubleVector p = c(coefficients[0]);
        for (int i = 1; i < coefficients.length; i++) {
            p = p.fma(z, c(coefficients[i]));
        }
        return p;
    }

    private static DoubleVector c(double value) {
        return DoubleVector.broadcast(D, value);
    }
}
