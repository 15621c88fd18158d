package org.jgrad.cpu;

import org.jgrad.backend.RmspropConfig;

/** The fused, in-place RMSprop step (see {@link RmspropConfig} for the formula); one pass, no temporaries. */
final class RmspropUpdate {
    private static final int GRAIN = 1 << 15;

    private RmspropUpdate() {
    }

    static void step(RmspropConfig c, float[] param, float[] grad, float[] squareAvg, float[] momentum, float[] gradAvg) {
        Parallel.forRange(param.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float g = grad[i] + c.weightDecay() * param[i];
                float v = c.alpha() * squareAvg[i] + (1 - c.alpha()) * g * g;
                squareAvg[i] = v;
                float denom;
                if (gradAvg != null) {
                    float mean = c.alpha() * gradAvg[i] + (1 - c.alpha()) * g;
                    gradAvg[i] = mean;
                    denom = (float) Math.sqrt(v - mean * mean) + c.eps();
                } else {
                    denom = (float) Math.sqrt(v) + c.eps();
                }
                if (momentum != null) {
                    float buf = c.momentum() * momentum[i] + g / denom;
                    momentum[i] = buf;
                    param[i] -= c.lr() * buf;
                } else {
                    param[i] -= c.lr() * g / denom;
                }
            }
        });
    }
}
