package org.jgrad.optim.schedule;

/**
 * Inverse-time decay, as Keras's {@code InverseTimeDecay}:
 * {@code lr(t) = lr0 / (1 + decayRate · p)} with {@code p = t / decaySteps}, or
 * {@code p = floor(t / decaySteps)} when {@code staircase}. With {@code decaySteps = 1} this is
 * the classic {@code lr0 / (1 + k·t)}.
 */
public final class InverseTimeLr extends ClosedFormSchedule {
    private final double lr0;
    private final double decayRate;
    private final int decaySteps;
    private final boolean staircase;

    /**
     * @param lr0 the initial learning rate, &gt; 0
     * @param decayRate the rate {@code k}, &ge; 0
     * @param decaySteps the divisor of {@code t}, &ge; 1
     * @param staircase whether {@code t / decaySteps} is rounded down (decay in discrete jumps)
     */
    InverseTimeLr(double lr0, double decayRate, int decaySteps, boolean staircase) {
        this.lr0 = Checks.positive("InverseTimeLr", "lr0", lr0);
        this.decayRate = Checks.nonNegative("InverseTimeLr", "decayRate", decayRate);
        this.decaySteps = Checks.atLeast("InverseTimeLr", "decaySteps", decaySteps, 1);
        this.staircase = staircase;
    }

    @Override
    protected double formula(int t) {
        double p = staircase ? t / decaySteps : (double) t / decaySteps;
        return lr0 / (1 + decayRate * p);
    }
}
