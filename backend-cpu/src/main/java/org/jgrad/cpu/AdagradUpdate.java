package org.jgrad.cpu;

import static org.jgrad.cpu.OptimizerUpdates.checkLength;

import org.jgrad.backend.AdagradConfig;

/**
 * The fused, in-place Adagrad step (PyTorch's semantics, see {@link AdagradConfig}): sum += g^2 is
 * {@link RmspropUpdate}'s running average with decay and weight 1, and p -= clr g / (sqrt(sum) + eps)
 * its step without momentum, so that loop does the work.
 */
final class AdagradUpdate {

    private AdagradUpdate() {
    }

    static void step(AdagradConfig c, int step, float[] param, float[] grad, float[] sum) {
        if (step < 1) {
            throw new IllegalArgumentException("adagradStep: step counts from 1, got " + step);
        }
        checkLength("adagradStep", "grad", grad, param.length);
        checkLength("adagradStep", "sum", sum, param.length);
        // the decayed learning rate in float64, as PyTorch computes its scalars, then rounded once
        float clr = (float) (c.lr() / (1 + (step - 1) * (double) c.lrDecay()));
        RmspropUpdate.run(new RmspropUpdate.Terms(clr, 1, 1, c.eps(), c.weightDecay(), 0, null, null),
                param, grad, sum);
    }
}
