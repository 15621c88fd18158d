package org.jgrad.optim.schedule;

/**
 * Decay by {@code gamma} every step, as PyTorch's {@code ExponentialLR}: {@code lr(t) = lr0 · gamma^t}.
 * A {@code gamma > 1} grows the rate instead (as in a learning-rate range test).
 */
public final class ExponentialLr extends ClosedFormSchedule {
    private final double lr0;
    private final double gamma;

    /**
     * @param lr0 the initial learning rate, &gt; 0
     * @param gamma the multiplier per step, &gt; 0
     */
    ExponentialLr(double lr0, double gamma) {
        this.lr0 = Checks.positive("ExponentialLr", "lr0", lr0);
        this.gamma = Checks.positive("ExponentialLr", "gamma", gamma);
    }

    @Override
    protected double formula(int t) {
        return lr0 * Math.pow(gamma, t);
    }
}
