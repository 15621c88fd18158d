package org.jgrad.optim.schedule;

/**
 * A constant learning rate, optionally scaled for the first steps, as PyTorch's {@code ConstantLR}:
 * {@code lr(t) = lr0 · factor} for {@code t < totalIters}, then {@code lr0}. With
 * {@code totalIters = 0} (as built by {@link Schedules#constant(double)}) it is {@code lr0} throughout.
 */
public final class ConstantLr extends ClosedFormSchedule {
    private final double lr0;
    private final double factor;
    private final int totalIters;

    /**
     * @param lr0 the learning rate, &gt; 0
     * @param factor the multiplier of the first {@code totalIters} steps, in [0, 1]
     * @param totalIters how many steps are scaled, &ge; 0
     */
    ConstantLr(double lr0, double factor, int totalIters) {
        this.lr0 = Checks.positive("ConstantLr", "lr0", lr0);
        this.factor = Checks.inRange("ConstantLr", "factor", factor, 0, 1);
        this.totalIters = Checks.atLeast("ConstantLr", "totalIters", totalIters, 0);
    }

    @Override
    protected double formula(int t) {
        return t < totalIters ? lr0 * factor : lr0;
    }
}
