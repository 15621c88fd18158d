package org.jgrad.optim.schedule;

/**
 * Cosine annealing from {@code lr0} to {@code etaMin} over {@code tMax} steps, PyTorch's
 * {@code CosineAnnealingLR} in closed form:
 * {@code lr(t) = etaMin + (lr0 - etaMin) · (1 + cos(π·t / tMax)) / 2}.
 * As in PyTorch the cosine goes on past {@code tMax}: the rate climbs back to {@code lr0} at
 * {@code 2·tMax}. Set {@code tMax} to the length of the run for one decay, or use
 * {@link CosineAnnealingWarmRestarts} for jumps back to {@code lr0}.
 */
public final class CosineAnnealingLr extends ClosedFormSchedule {
    private final double lr0;
    private final int tMax;
    private final double etaMin;

    /**
     * @param lr0 the initial (and highest) learning rate, &gt; 0
     * @param tMax steps from {@code lr0} down to {@code etaMin}, &ge; 1
     * @param etaMin the lowest learning rate, &ge; 0
     */
    CosineAnnealingLr(double lr0, int tMax, double etaMin) {
        this.lr0 = Checks.positive("CosineAnnealingLr", "lr0", lr0);
        this.tMax = Checks.atLeast("CosineAnnealingLr", "tMax", tMax, 1);
        this.etaMin = Checks.nonNegative("CosineAnnealingLr", "etaMin", etaMin);
    }

    @Override
    protected double formula(int t) {
        return AnnealStrategy.COS.interpolate(lr0, etaMin, (double) t / tMax);
    }
}
