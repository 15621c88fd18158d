package org.jgrad.optim.schedule;

/**
 * Polynomial decay to {@code endLr} over {@code decaySteps} steps, then held, as Keras's
 * {@code PolynomialDecay} (without {@code cycle}):
 * {@code lr(t) = (lr0 - endLr) · (1 - min(t, decaySteps) / decaySteps)^power + endLr}.
 * With {@code endLr = 0} this is PyTorch's {@code PolynomialLR(total_iters, power)}.
 */
public final class PolynomialLr extends ClosedFormSchedule {
    private final double lr0;
    private final double endLr;
    private final int decaySteps;
    private final double power;

    /**
     * @param lr0 the initial learning rate, &gt; 0
     * @param endLr the learning rate from step {@code decaySteps} on, &ge; 0
     * @param decaySteps the length of the decay, &ge; 1
     * @param power the exponent, &gt; 0 (1 is a straight line)
     */
    PolynomialLr(double lr0, double endLr, int decaySteps, double power) {
        this.lr0 = Checks.positive("PolynomialLr", "lr0", lr0);
        this.endLr = Checks.nonNegative("PolynomialLr", "endLr", endLr);
        this.decaySteps = Checks.atLeast("PolynomialLr", "decaySteps", decaySteps, 1);
        this.power = Checks.positive("PolynomialLr", "power", power);
    }

    @Override
    protected double formula(int t) {
        double remaining = 1 - (double) Math.min(t, decaySteps) / decaySteps;
        return (lr0 - endLr) * Math.pow(remaining, power) + endLr;
    }
}
