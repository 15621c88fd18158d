package org.jgrad.optim.schedule;

/**
 * The one-cycle policy (Smith and Topin 2018), as PyTorch's {@code OneCycleLR} for the learning
 * rate (momentum cycling is the optimizer's business and not done here). With
 * {@code initial = maxLr / divFactor}, {@code min = initial / finalDivFactor}, {@code p = pctStart},
 * {@code T = totalSteps} and phase ends measured in steps as PyTorch does:
 * <ul>
 *   <li>two phases: {@code initial → maxLr} over steps {@code [0, p·T - 1]}, then
 *       {@code maxLr → min} over {@code [p·T - 1, T - 1]};
 *   <li>three phases: {@code initial → maxLr} over {@code [0, p·T - 1]},
 *       {@code maxLr → initial} over {@code [p·T - 1, 2·p·T - 2]}, then
 *       {@code initial → min} over {@code [2·p·T - 2, T - 1]}.
 * </ul>
 * Within a phase spanning {@code [a, b]} the rate at step {@code t} is
 * {@code anneal.interpolate(from, to, (t - a) / (b - a))} ({@link AnnealStrategy}, COS by default).
 * Steps {@code 0 .. T - 1} are the {@code T} updates; a final {@link #step()} to {@code T} is allowed
 * and holds the rate at {@code min} (PyTorch extrapolates there), and stepping past {@code T}
 * fails, as in PyTorch. Build one with {@link #builder(double, int)}.
 */
public final class OneCycleLr extends ClosedFormSchedule {
    private final int totalSteps;
    private final AnnealStrategy anneal;
    private final double[] phaseEnd;
    private final double[] phaseFrom;
    private final double[] phaseTo;

    OneCycleLr(OneCycleLrBuilder b) {
        this.totalSteps = b.totalSteps;
        this.anneal = b.anneal;
        double initial = b.maxLr / b.divFactor;
        double min = initial / b.finalDivFactor;
        double peak = b.pctStart * b.totalSteps - 1;
        if (b.threePhase) {
            phaseEnd = new double[] {peak, 2 * b.pctStart * b.totalSteps - 2, b.totalSteps - 1};
            phaseFrom = new double[] {initial, b.maxLr, initial};
            phaseTo = new double[] {b.maxLr, initial, min};
        } else {
            phaseEnd = new double[] {peak, b.totalSteps - 1};
            phaseFrom = new double[] {initial, b.maxLr};
            phaseTo = new double[] {b.maxLr, min};
        }
        double start = 0;
        for (int i = 0; i < phaseEnd.length; i++) {
            if (!(phaseEnd[i] > start)) {
                throw Checks.fail("OneCycleLr", "pctStart", b.pctStart, "such that every phase lasts more than 0 steps"
                        + " (phase " + (i + 1) + " would span steps " + start + " to " + phaseEnd[i]
                        + " of totalSteps " + b.totalSteps + ")");
            }
            start = phaseEnd[i];
        }
    }

    /** A builder with PyTorch's defaults: pctStart 0.3, COS, divFactor 25, finalDivFactor 1e4, two phases. */
    static OneCycleLrBuilder builder(double maxLr, int totalSteps) {
        return new OneCycleLrBuilder(maxLr, totalSteps);
    }

    @Override
    protected int lastStep() {
        return totalSteps;
    }

    @Override
    protected double formula(int t) {
        int last = phaseEnd.length - 1;
        int phase = 0;
        double start = 0;
        while (phase < last && t > phaseEnd[phase]) {
            start = phaseEnd[phase];
            phase++;
        }
        double p = Math.min(1, (t - start) / (phaseEnd[phase] - start));
        return anneal.interpolate(phaseFrom[phase], phaseTo[phase], p);
    }
}
