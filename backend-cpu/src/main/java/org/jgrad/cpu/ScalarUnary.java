package org.jgrad.cpu;

import org.jgrad.backend.UnaryOp;

/** Plain-Java unary kernels over a contiguous range; also the tail after the vector loop. */
final class ScalarUnary {
    private ScalarUnary() {
    }

    /** out[i] = op(x[i]) for i in [from, to). One loop per op keeps the switch out of the inner loop. */
    static void apply(UnaryOp op, float alpha, float[] x, float[] out, int from, int to) {
        switch (op) {
            case NEG -> { for (int i = from; i < to; i++) out[i] = -x[i]; }
            case EXP -> { for (int i = from; i < to; i++) out[i] = FloatMath.exp(x[i]); }
            case LOG -> { for (int i = from; i < to; i++) out[i] = FloatMath.log(x[i]); }
            case SQRT -> { for (int i = from; i < to; i++) out[i] = (float) Math.sqrt(x[i]); }
            case ABS -> { for (int i = from; i < to; i++) out[i] = Math.abs(x[i]); }
            case SIGN -> { for (int i = from; i < to; i++) out[i] = Math.signum(x[i]); }
            case RELU -> { for (int i = from; i < to; i++) out[i] = Math.max(x[i], 0f); }
            case LEAKY_RELU -> { for (int i = from; i < to; i++) out[i] = x[i] > 0 ? x[i] : alpha * x[i]; }
            case SIGMOID -> { for (int i = from; i < to; i++) out[i] = FloatMath.sigmoid(x[i]); }
            case TANH -> { for (int i = from; i < to; i++) out[i] = FloatMath.tanh(x[i]); }
            case GELU -> { for (int i = from; i < to; i++) out[i] = FloatMath.gelu(x[i]); }
            case ERF -> { for (int i = from; i < to; i++) out[i] = FloatMath.erf(x[i]); }
        }
    }
}
