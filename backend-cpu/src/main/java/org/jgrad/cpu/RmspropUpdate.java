package org.jgrad.cpu;

import static org.jgrad.cpu.OptimizerUpdates.checkLength;
import static org.jgrad.cpu.OptimizerUpdates.checkState;

import org.jgrad.backend.RmspropConfig;

/**
 * The fused, in-place RMSprop step (PyTorch's semantics, see {@link RmspropConfig}), built like
 * {@link OptimizerUpdates}: arguments checked before anything is written, then one pass with no
 * temporaries, split across threads at the same grain. The same loop serves {@link AdagradUpdate}:
 * Adagrad's sum += g^2 is the running average with decay and weight 1, which round exactly as the
 * plain sum does. There is no Vector API body: C2 vectorizes this loop itself, and a Vector API
 * version measured no faster (slower with momentum or centered, and on large arrays).
 */
final class RmspropUpdate {

    private RmspropUpdate() {
    }

    /**
     * The per-element constants of one step: v = decay v + weight g^2, and with a non-null
     * {@code gradAvg} also gAvg = decay gAvg + weight g; {@code momentumBuffer} null means no momentum.
     */
    record Terms(float lr, float decay, float weight, float eps, float weightDecay, float momentum,
                 float[] momentumBuffer, float[] gradAvg) {
    }

    static void step(RmspropConfig c, float[] param, float[] grad, float[] squareAvg, float[] momentumBuffer,
                     float[] gradAvg) {
        checkLength("rmspropStep", "grad", grad, param.length);
        checkLength("rmspropStep", "squareAvg", squareAvg, param.length);
        boolean momentum = c.momentum() != 0;
        if (momentum) {
            checkState("rmspropStep", "momentum " + c.momentum(), "momentumBuffer", momentumBuffer, param.length);
        }
        if (c.centered()) {
            checkState("rmspropStep", "centered", "gradAvg", gradAvg, param.length);
        }
        run(new Terms(c.lr(), c.alpha(), 1 - c.alpha(), c.eps(), c.weightDecay(), c.momentum(),
                momentum ? momentumBuffer : null, c.centered() ? gradAvg : null), param, grad, squareAvg);
    }

    /** Runs a step whose arguments are checked, split across threads as {@link OptimizerUpdates} does. */
    static void run(Terms t, float[] param, float[] grad, float[] squareAvg) {
        Parallel.forRange(param.length, OptimizerUpdates.GRAIN, (from, to) -> run(t, param, grad, squareAvg, from, to));
    }

    private static void run(Terms t, float[] param, float[] grad, float[] squareAvg, int from, int to) {
        float[] buffer = t.momentumBuffer();
        float[] gradAvg = t.gradAvg();
        for (int i = from; i < to; i++) {
            float g = grad[i];
            if (t.weightDecay() != 0) {
                g += t.weightDecay() * param[i];
            }
            // (weight g) g, addcmul's order; weight (g g) measured ten times slower centered with
            // momentum, as C2 then left the loop scalar
            float v = t.decay() * squareAvg[i] + t.weight() * g * g;
            squareAvg[i] = v;
            if (gradAvg != null) {
                float mean = t.decay() * gradAvg[i] + t.weight() * g;
                gradAvg[i] = mean;
                v -= mean * mean;
            }
            float update = g / ((float) Math.sqrt(v) + t.eps());
            if (buffer != null) {
                update = t.momentum() * buffer[i] + update;
                buffer[i] = update;
            }
            param[i] -= t.lr() * update;
        }
    }
}
