package org.jgrad.cpu;

import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.SgdConfig;

/**
 * Fused, in-place SGD and Adam/AdamW steps (PyTorch's semantics, see {@link SgdConfig} and
 * {@link AdamConfig}): one pass over the arrays, no temporaries. Each range runs through
 * {@link OptimizerVectorKernels} when the Vector API is on, which stops at the last whole vector,
 * and the scalar loops here finish it; both do the same float operations in the same order.
 * {@link RmspropUpdate} and {@link AdagradUpdate} share the threading and the argument checks here.
 */
final class OptimizerUpdates {
    /** Elements per thread below which an update stays on the calling thread. */
    static final int GRAIN = 1 << 15;

    private OptimizerUpdates() {
    }

    /** The per-element constants of one SGD step; {@code momentumBuffer} null means no momentum. */
    record SgdTerms(float lr, float momentum, float keep, float weightDecay, boolean nesterov, boolean firstStep,
                    float[] momentumBuffer) {
    }

    /** The per-element constants of one Adam step; {@code decay} is AdamW's factor, 1 for Adam. */
    record AdamTerms(float stepSize, float rootBiasCorrection2, float decay, float l2, float beta1, float beta2,
                     float eps, boolean amsgrad) {
    }

    static void sgd(SgdConfig config, boolean firstStep, float[] param, float[] grad, float[] momentumBuffer) {
        checkLength("sgdStep", "grad", grad, param.length);
        boolean momentum = config.momentum() != 0;
        if (momentum) {
            checkState("sgdStep", "momentum " + config.momentum(), "momentumBuffer", momentumBuffer, param.length);
        }
        SgdTerms terms = new SgdTerms(config.lr(), config.momentum(), 1 - config.dampening(), config.weightDecay(),
                config.nesterov(), firstStep, momentum ? momentumBuffer : null);
        Parallel.forRange(param.length, GRAIN, (from, to) -> {
            int done = VectorSupport.enabled() ? OptimizerVectorKernels.sgd(terms, param, grad, from, to) : from;
            sgd(terms, param, grad, done, to);
        });
    }

    static void adam(AdamConfig config, int step, float[] param, float[] grad, float[] expAvg, float[] expAvgSq,
                     float[] maxExpAvgSq) {
        if (step < 1) {
            throw new IllegalArgumentException("adamStep: step counts from 1, got " + step);
        }
        checkLength("adamStep", "grad", grad, param.length);
        checkLength("adamStep", "expAvg", expAvg, param.length);
        checkLength("adamStep", "expAvgSq", expAvgSq, param.length);
        if (config.amsgrad()) {
            checkState("adamStep", "AMSGrad", "maxExpAvgSq", maxExpAvgSq, param.length);
        }
        AdamTerms terms = adamTerms(config, step);
        Parallel.forRange(param.length, GRAIN, (from, to) -> {
            int done = VectorSupport.enabled()
                    ? OptimizerVectorKernels.adam(terms, param, grad, expAvg, expAvgSq, maxExpAvgSq, from, to) : from;
            adam(terms, param, grad, expAvg, expAvgSq, maxExpAvgSq, done, to);
        });
    }

    /** Bias corrections and decay in float64, as PyTorch computes its scalars, then rounded once. */
    private static AdamTerms adamTerms(AdamConfig c, int step) {
        double biasCorrection1 = 1 - StrictMath.pow(c.beta1(), step);
        double biasCorrection2 = 1 - StrictMath.pow(c.beta2(), step);
        boolean decoupled = c.decoupledWeightDecay();
        return new AdamTerms((float) (c.lr() / biasCorrection1), (float) Math.sqrt(biasCorrection2),
                decoupled ? (float) (1 - (double) c.lr() * c.weightDecay()) : 1f, decoupled ? 0f : c.weightDecay(),
                c.beta1(), c.beta2(), c.eps(), c.amsgrad());
    }

    private static void sgd(SgdTerms t, float[] param, float[] grad, int from, int to) {
        float[] buffer = t.momentumBuffer();
        for (int i = from; i < to; i++) {
            float g = grad[i];
            if (t.weightDecay() != 0) {
                g += t.weightDecay() * param[i];
            }
            if (buffer != null) {
                float b = t.firstStep() ? g : t.momentum() * buffer[i] + t.keep() * g;
                buffer[i] = b;
                g = t.nesterov() ? g + t.momentum() * b : b;
            }
            param[i] -= t.lr() * g;
        }
    }

    private static void adam(AdamTerms t, float[] param, float[] grad, float[] expAvg, float[] expAvgSq,
                             float[] maxExpAvgSq, int from, int to) {
        float oneMinusBeta1 = 1 - t.beta1();
        float oneMinusBeta2 = 1 - t.beta2();
        for (int i = from; i < to; i++) {
            float p = param[i] * t.decay();
            float g = grad[i];
            if (t.l2() != 0) {
                g += t.l2() * p;
            }
            float m = t.beta1() * expAvg[i] + oneMinusBeta1 * g;
            float v = t.beta2() * expAvgSq[i] + oneMinusBeta2 * (g * g);
            expAvg[i] = m;
            expAvgSq[i] = v;
            if (t.amsgrad()) {
                v = Math.max(maxExpAvgSq[i], v);
                maxExpAvgSq[i] = v;
            }
            param[i] = p - t.stepSize() * (m / ((float) Math.sqrt(v) / t.rootBiasCorrection2() + t.eps()));
        }
    }

    /** Rejects a required array of the wrong length before anything is written. */
    static void checkLength(String op, String name, float[] array, int expected) {
        Strides.checkLength(op, name, array.length, "param has", expected);
    }

    /** Rejects optimizer state that {@code reason} (a setting) needs but is null or of the wrong length. */
    static void checkState(String op, String reason, String name, float[] array, int expected) {
        if (array == null) {
            throw new IllegalArgumentException(op + ": " + reason + " needs " + name + ", got null");
        }
        checkLength(op, name, array, expected);
    }
}
