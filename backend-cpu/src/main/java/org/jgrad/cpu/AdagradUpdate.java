package org.jgrad.cpu;

import org.jgrad.backend.AdagradConfig;

/** The fused, in-place Adagrad step (see {@link AdagradConfig} for the formula); one pass, no temporaries. */
final class AdagradUpdate {
    private static final int GRAIN = 1 << 15;

    private AdagradUpdate() {
    }

    static void step(AdagradConfig c, int step, float[] param, float[] grad, float[] sum) {
        float clr = c.lr() / (1 + (step - 1) * c.lrDecay());
        Parallel.forRange(param.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float g = grad[i] + c.weightDecay() * param[i];
                float s = sum[i] + g * g;
                sum[i] = s;
                param[i] -= clr * g / ((float) Math.sqrt(s) + c.eps());
            }
        });
    }
}
