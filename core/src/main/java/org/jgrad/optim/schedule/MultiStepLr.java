package org.jgrad.optim.schedule;

import java.util.Arrays;

/**
 * Decay by {@code gamma} at each milestone, as PyTorch's {@code MultiStepLR}:
 * {@code lr(t) = lr0 · gamma^k}, where {@code k} is the number of milestones {@code m <= t}. So the
 * decayed rate is first used at step {@code m} itself.
 */
public final class MultiStepLr extends ClosedFormSchedule {
    private final double lr0;
    private final double gamma;
    private final int[] milestones;

    /**
     * @param lr0 the initial learning rate, &gt; 0
     * @param gamma the multiplier at each milestone, &gt; 0 (PyTorch's default is 0.1)
     * @param milestones the steps where the rate decays: strictly increasing, each &ge; 1
     */
    MultiStepLr(double lr0, double gamma, int... milestones) {
        this.lr0 = Checks.positive("MultiStepLr", "lr0", lr0);
        this.gamma = Checks.positive("MultiStepLr", "gamma", gamma);
        this.milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw Checks.fail("MultiStepLr", "milestones", Arrays.toString(milestones),
                        "strictly increasing steps, each >= 1");
            }
        }
    }

    @Override
    protected double formula(int t) {
        int passed = 0;
        while (passed < milestones.length && milestones[passed] <= t) {
            passed++;
        }
        return lr0 * Math.pow(gamma, passed);
    }
}
