package org.jgrad.cpu;

/**
 * erf in float arithmetic for the GELU and ERF kernels: x·P(x²)/Q(x²) on x clamped to [-4, 4]
 * (beyond, erf is 1 to float precision). The rational approximation is the one Eigen and XLA use
 * for float erf; its error stays below 5e-7 everywhere, against float's own 6e-8 near 1.
 * {@link VectorUnary} evaluates the same polynomials lane-wise.
 */
final class FloatErf {
    static final float CLAMP = 4f;
    static final float P13 = -2.72614225801306e-10f;
    static final float P11 = 2.77068142495902e-08f;
    static final float P9 = -2.10102402082508e-06f;
    static final float P7 = -5.69250639462346e-05f;
    static final float P5 = -7.34990630326855e-04f;
    static final float P3 = -2.95459980854025e-03f;
    static final float P1 = -1.60960333262415e-02f;
    static final float Q8 = -1.45660718464996e-05f;
    static final float Q6 = -2.13374055278905e-04f;
    static final float Q4 = -1.68282697438203e-03f;
    static final float Q2 = -7.37332916720468e-03f;
    static final float Q0 = -1.42647390514189e-02f;
    /** GELU(x) = x/2 · (1 + erf(x / sqrt 2)). */
    static final float FRAC_1_SQRT_2 = (float) (1 / Math.sqrt(2));

    private FloatErf() {
    }

    static float erf(float x) {
        float z = Math.max(-CLAMP, Math.min(CLAMP, x));
        float z2 = z * z;
        float p = (((((P13 * z2 + P11) * z2 + P9) * z2 + P7) * z2 + P5) * z2 + P3) * z2 + P1;
        float q = (((Q8 * z2 + Q6) * z2 + Q4) * z2 + Q2) * z2 + Q0;
        return z * p / q;
    }

    static float gelu(float x) {
        return 0.5f * x * (1 + erf(x * FRAC_1_SQRT_2));
    }
}
