package org.jgrad.optim.schedule;

/**
 * Decay by {@code gamma} every {@code stepSize} steps, as PyTorch's {@code StepLR}:
 * {@code lr(t) = lr0 · gamma^floor(t / stepSize)}.
 */
public final class StepLr extends ClosedFormSchedule {
    private final double lr0;
    private final int stepSize;
    private final double gamma;

    /**
     * @param lr0 the initial learning rate, &gt; 0
     * @param stepSize steps between decays, &ge; 1
     * @param gamma the multiplier at each decay, &gt; 0 (PyTorch's default is 0.1)
     */
    StepLr(double lr0, int stepSize, double gamma) {
        this.lr0 = Checks.positive("StepLr", "lr0", lr0);
        this.stepSize = Checks.atLeast("StepLr", "stepSize", stepSize, 1);
        this.gamma = Checks.positive("StepLr", "gamma", gamma);
    }

    @Override
    protected double formula(int t) {
        return lr0 * Math.pow(gamma, t / stepSize);
    }
}
