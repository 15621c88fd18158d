package org.jgrad.optim.schedule;

/**
 * A straight line from {@code startLr} to {@code endLr} over {@code totalSteps} steps, then held
 * at {@code endLr}: {@code lr(t) = startLr + (endLr - startLr) · min(t, totalSteps) / totalSteps}.
 * PyTorch's {@code LinearLR(start_factor, end_factor, total_iters)} is
 * {@code startLr = lr0 · start_factor}, {@code endLr = lr0 · end_factor}
 * ({@link Schedules#linear(double, double, double, int)}); a decay to a floor is
 * {@link Schedules#linearDecay(double, double, int)}.
 */
public final class LinearLr extends ClosedFormSchedule {
    private final double startLr;
    private final double endLr;
    private final int totalSteps;

    /**
     * @param startLr the learning rate at step 0, &ge; 0
     * @param endLr the learning rate from step {@code totalSteps} on, &ge; 0
     * @param totalSteps the length of the line, &ge; 1
     */
    LinearLr(double startLr, double endLr, int totalSteps) {
        this.startLr = Checks.nonNegative("LinearLr", "startLr", startLr);
        this.endLr = Checks.nonNegative("LinearLr", "endLr", endLr);
        this.totalSteps = Checks.atLeast("LinearLr", "totalSteps", totalSteps, 1);
    }

    @Override
    protected double formula(int t) {
        return AnnealStrategy.LINEAR.interpolate(startLr, endLr, (double) Math.min(t, totalSteps) / totalSteps);
    }
}
