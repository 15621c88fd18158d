package org.jgrad.optim.schedule;

import java.util.Objects;

/**
 * Settings of a {@link OneCycleLr}, PyTorch's defaults unless changed: pctStart 0.3, anneal COS,
 * divFactor 25, finalDivFactor 1e4, two phases. Each setter checks its argument at once;
 * {@link #build()} checks that every phase is at least one step long.
 */
public final class OneCycleLrBuilder {
    private static final String NAME = "OneCycleLr";
    final double maxLr;
    final int totalSteps;
    double pctStart = 0.3;
    AnnealStrategy anneal = AnnealStrategy.COS;
    double divFactor = 25;
    double finalDivFactor = 1e4;
    boolean threePhase;

    OneCycleLrBuilder(double maxLr, int totalSteps) {
        this.maxLr = Checks.positive(NAME, "maxLr", maxLr);
        this.totalSteps = Checks.atLeast(NAME, "totalSteps", totalSteps, 2);
    }

    /** The fraction of the steps spent rising to {@code maxLr}, in (0, 1). */
    public OneCycleLrBuilder pctStart(double pctStart) {
        if (!(pctStart > 0 && pctStart < 1)) {
            throw Checks.fail(NAME, "pctStart", pctStart, "in (0, 1)");
        }
        this.pctStart = pctStart;
        return this;
    }

    /** The shape of each phase (PyTorch's {@code anneal_strategy}). */
    public OneCycleLrBuilder anneal(AnnealStrategy anneal) {
        this.anneal = Objects.requireNonNull(anneal, NAME + ": anneal must not be null");
        return this;
    }

    /** The starting rate is {@code maxLr / divFactor}; &gt; 0. */
    public OneCycleLrBuilder divFactor(double divFactor) {
        this.divFactor = Checks.positive(NAME, "divFactor", divFactor);
        return this;
    }

    /** The final rate is {@code maxLr / divFactor / finalDivFactor}; &gt; 0. */
    public OneCycleLrBuilder finalDivFactor(double finalDivFactor) {
        this.finalDivFactor = Checks.positive(NAME, "finalDivFactor", finalDivFactor);
        return this;
    }

    /** Whether to come back down to the starting rate in a second, symmetric phase before annealing to the final rate (Smith's original shape). */
    public OneCycleLrBuilder threePhase(boolean threePhase) {
        this.threePhase = threePhase;
        return this;
    }

    /** A fresh schedule with these settings. */
    public OneCycleLr build() {
        return new OneCycleLr(this);
    }
}
