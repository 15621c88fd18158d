package org.jgrad.cpu;

/**
 * exp, log, tanh, sigmoid, erf and GELU of floats, from the project's own range reductions and
 * polynomials, evaluated in float64 and rounded once to float (within 1 ulp of the true value).
 *
 * <p>Why not {@link Math}: the JIT replaces {@code Math.exp} and the Vector API's
 * {@code lanewise(EXP)} by intrinsic stubs partway through a run, and those round differently
 * from the Java code they replace, so the same seed trained to different bytes. Everything here
 * is add, subtract, multiply, divide, fma, min/max, conversions and bit operations, which IEEE 754
 * rounds exactly and so every JIT tier, CPU and thread computes alike. Both kernel paths call
 * these (see {@link VectorUnary}), so they give the same bits.
 */
final class FloatMath {
    /** |argument| beyond which {@link #expWide} clamps: e^150 fits a double, and a float's range is e^±104. */
    static final double EXP_LIMIT = 150;
    static final double LOG2E = 1.4426950408889634;
    /** Adding 1.5 * 2^52 rounds a double below 2^51 to an integer (the float rounder does it for floats). */
    static final double ROUNDER = 0x1.8p52;
    static final float FLOAT_ROUNDER = 0x1.8p23f;
    static final int FLOAT_ROUNDER_BITS = Float.floatToRawIntBits(FLOAT_ROUNDER);
    /** ln 2 in two parts (fdlibm's): the high part times any k below 2^11 is exact. */
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double LN2 = 0.6931471805599453;
    /** e^r for |r| <= ln2 / 2: Taylor to r^9 (error below 1e-11), highest power first. */
    static final double[] EXP_TAYLOR = taylor(9, n -> 1.0 / factorial(n));
    /** log(m) = s P(s^2), s = (m - 1) / (m + 1), P = 2 (1 + z/3 + z^2/5 + ...), |s| <= 0.172. */
    static final double[] LOG_SERIES = {2.0 / 11, 2.0 / 9, 2.0 / 7, 2.0 / 5, 2.0 / 3, 2};
    /** Bits of sqrt(1/2) as a float: mantissas are reduced to [sqrt(1/2), sqrt(2)). */
    static final int SQRT_HALF_BITS = 0x3f3504f3;
    /** tanh(a) = a P(a^2) for a < {@link #TANH_SMALL}: Taylor to a^11. */
    static final double[] TANH_TAYLOR = {-1382.0 / 155925, 62.0 / 2835, -17.0 / 315, 2.0 / 15, -1.0 / 3, 1};
    static final double TANH_SMALL = 0.0625;
    /** Beyond 20, tanh is ±1 in float (it is from 9.01). */
    static final double TANH_LIMIT = 20;
    /** erf(z) = z P(z^2) for |z| < {@link #ERF_SMALL}: Maclaurin to z^17 (error below 1e-11). */
    static final double[] ERF_TAYLOR = taylor(8, n -> (n % 2 == 0 ? 2 : -2) / Math.sqrt(Math.PI) / factorial(n)
            / (2 * n + 1));
    static final double ERF_SMALL = 0.5;
    /** erfc(a) for a in [0.5, 12]: exp(-a^2) S(u) / (1 + 2a), see {@link #erfcTail}; 0 beyond 12. */
    static final double ERFC_LIMIT = 12;
    static final double ERFC_K = 3;
    static final double ERFC_U_SCALE = 1.5217391304347827;
    static final double ERFC_U_SHIFT = 0.08695652173913046;
    /** Chebyshev coefficients of S, from scripts/fit-erfcx.py (relative error 1.4e-11). */
    static final double[] ERFC_CHEBYSHEV = {1.2345894904212389, -0.04485986330863477, -0.02954726065237703,
        0.014252702553115766, -0.0036174913772438716, 0.000593829238886608, -5.719411609309223e-05,
        8.00378836964095e-07, 5.672418592965313e-07, -5.126120879177423e-08, -4.685381331769162e-09,
        9.06640099257934e-10, 4.8648558202543525e-11};
    static final double FRAC_1_SQRT_2 = 0.7071067811865476;

    private FloatMath() {
    }

    static float exp(float x) {
        return (float) expWide(x);
    }

    /** e^d in float64 for |d| <= 150 (clamped beyond; NaN stays NaN), relative error below 1e-11. */
    static double expWide(double d) {
        double x = Math.min(Math.max(d, -EXP_LIMIT), EXP_LIMIT);
        double k = Math.fma(x, LOG2E, ROUNDER) - ROUNDER;
        double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, x));
        double p = EXP_TAYLOR[0];
        for (int i = 1; i < EXP_TAYLOR.length; i++) {
            p = Math.fma(p, r, EXP_TAYLOR[i]);
        }
        // 2^k as two float powers of two (|k| <= 217 overflows one), read from a float rounder's bits
        int e = Float.floatToRawIntBits((float) k + FLOAT_ROUNDER) - FLOAT_ROUNDER_BITS;
        int half = e >> 1;
        return p * powerOfTwo(half) * powerOfTwo(e - half);
    }

    private static double powerOfTwo(int e) {
        return Float.intBitsToFloat((e + 127) << 23);
    }

    /** Natural log; log(±0) = -Infinity, log(negative or NaN) = NaN, subnormals scaled into range first. */
    static float log(float x) {
        boolean tiny = x < 0x1p-126f;
        int bits = Float.floatToRawIntBits(tiny ? x * 0x1p25f : x) + (0x3f800000 - SQRT_HALF_BITS);
        float k = (float) (bits >> 23) - (tiny ? 152f : 127f);
        double f = (double) Float.intBitsToFloat((bits & 0x007fffff) + SQRT_HALF_BITS) - 1;
        double s = f / (f + 2);
        double z = s * s;
        double q = horner(LOG_SERIES, z);
        float result = (float) Math.fma(k, LN2, s * q);
        result = x == Float.POSITIVE_INFINITY ? x : result;
        result = x == 0 ? Float.NEGATIVE_INFINITY : result;
        return !(x >= 0) ? Float.NaN : result;
    }

    static float tanh(float x) {
        double a = Math.min(Math.abs((double) x), TANH_LIMIT);
        double small = a * horner(TANH_TAYLOR, a * a);
        double u = expWide(-2 * a);
        double large = (1 - u) / (1 + u);
        return Math.copySign((float) (a < TANH_SMALL ? small : large), x);
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + expWide(-(double) x)));
    }

    static float erf(float x) {
        double z = x;
        double a = Math.abs(z);
        double series = z * horner(ERF_TAYLOR, z * z);
        double tail = 1 - erfcTail(a);
        return (float) (a < ERF_SMALL ? series : z < 0 ? -tail : tail);
    }

    /** GELU(x) = x/2 (1 + erf(x / sqrt 2)), with 1 + erf(z) = erfc(|z|) for z <= -0.5, free of cancellation. */
    static float gelu(float x) {
        double xd = x;
        double z = xd * FRAC_1_SQRT_2;
        double a = Math.abs(z);
        double series = z * horner(ERF_TAYLOR, z * z);
        double erfc = erfcTail(a);
        double onePlusErf = a < ERF_SMALL ? 1 + series : z > 0 ? 2 - erfc : erfc;
        return (float) (0.5 * xd * onePlusErf);
    }

    /** erfc(a) for a >= 0.5 (0 from 12 on, so that GELU(-Infinity) is NaN as in PyTorch): Clenshaw's sum. */
    static double erfcTail(double a) {
        double c = Math.min(a, ERFC_LIMIT);
        double u = Math.fma((c - ERFC_K) / (c + ERFC_K), ERFC_U_SCALE, ERFC_U_SHIFT);
        double u2 = 2 * u;
        double b1 = 0;
        double b2 = 0;
        for (int i = ERFC_CHEBYSHEV.length - 1; i >= 1; i--) {
            double b = Math.fma(u2, b1, ERFC_CHEBYSHEV[i] - b2);
            b2 = b1;
            b1 = b;
        }
        double s = Math.fma(u, b1, ERFC_CHEBYSHEV[0] - b2);
        double erfc = expWide(-(c * c)) * s / (1 + 2 * c);
        return a >= ERFC_LIMIT ? 0 : erfc;
    }

    private static double horner(double[] coefficients, double z) {
        double p = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            p = Math.fma(p, z, coefficients[i]);
        }
        return p;
    }

    /** Coefficients c(degree), ..., c(0) of a series, highest power first. */
    private static double[] taylor(int degree, java.util.function.IntToDoubleFunction coefficient) {
        double[] c = new double[degree + 1];
        for (int n = 0; n <= degree; n++) {
            c[degree - n] = coefficient.applyAsDouble(n);
        }
        return c;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
