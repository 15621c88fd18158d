package org.jgrad.optim.schedule;

/**
 * Cosine annealing with warm restarts (SGDR, Loshchilov and Hutter 2017), as PyTorch's
 * {@code CosineAnnealingWarmRestarts} stepped once per step: cycle {@code i} lasts
 * {@code T_i = t0 · tMult^i} steps, and within it
 * {@code lr = etaMin + (lr0 - etaMin) · (1 + cos(π·T_cur / T_i)) / 2}, where {@code T_cur} is the
 * number of steps since the cycle began. So the rate is {@code lr0} at step 0 and at each restart
 * {@code t0}, {@code t0 + t0·tMult}, ..., and falls toward (never quite reaching) {@code etaMin}
 * between them.
 */
public final class CosineAnnealingWarmRestarts extends ClosedFormSchedule {
    private final double lr0;
    private final int t0;
    private final int tMult;
    private final double etaMin;

    /**
     * @param lr0 the learning rate at each restart, &gt; 0
     * @param t0 the length of the first cycle, &ge; 1
     * @param tMult the growth factor of the cycle length, &ge; 1
     * @param etaMin the lowest learning rate, &ge; 0
     */
    CosineAnnealingWarmRestarts(double lr0, int t0, int tMult, double etaMin) {
        this.lr0 = Checks.positive("CosineAnnealingWarmRestarts", "lr0", lr0);
        this.t0 = Checks.atLeast("CosineAnnealingWarmRestarts", "t0", t0, 1);
        this.tMult = Checks.atLeast("CosineAnnealingWarmRestarts", "tMult", tMult, 1);
        this.etaMin = Checks.nonNegative("CosineAnnealingWarmRestarts", "etaMin", etaMin);
    }

    @Override
    protected double formula(int t) {
        long cycleStart = 0;
        long cycleLength = t0;
        if (tMult == 1) {
            cycleStart = t - t % t0;
        } else {
            while (t >= cycleStart + cycleLength) {
                cycleStart += cycleLength;
                cycleLength *= tMult;
            }
        }
        return AnnealStrategy.COS.interpolate(lr0, etaMin, (double) (t - cycleStart) / cycleLength);
    }
}
