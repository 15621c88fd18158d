package org.jgrad.backend;

/**
 * Elementwise functions of one FLOAT32 input. {@code LEAKY_RELU} takes its negative slope as the
 * primitive's {@code alpha}; the others ignore it. GELU is the exact (erf) form, as PyTorch's default.
 */
public enum UnaryOp {
    NEG, EXP, LOG, SQRT, ABS, SIGN, RELU, LEAKY_RELU, SIGMOID, TANH, GELU, ERF;

    /** Float64 reference of this function, the definition every backend is tested against. */
    public double reference(double x, double alpha) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case SIGN -> Math.signum(x);
            case RELU -> Math.max(x, 0); // NaN propagates, as in PyTorch
            case LEAKY_RELU -> x > 0 ? x : alpha * x;
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            case GELU -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
            case ERF -> Erf.erf(x);
        };
    }
}
