package org.jgrad.optim.schedule;

import java.util.Objects;
import org.jgrad.optim.schedule.ReduceLrOnPlateau.Mode;
import org.jgrad.optim.schedule.ReduceLrOnPlateau.ThresholdMode;

/**
 * Settings of a {@link ReduceLrOnPlateau}, PyTorch's defaults unless changed: mode MIN, factor 0.1,
 * patience 10, threshold 1e-4 (REL), cooldown 0, minLr 0, eps 1e-8. Each setter checks its
 * argument at once; {@link #build()} makes a fresh schedule each time.
 */
public final class ReduceLrOnPlateauBuilder {
    private static final String NAME = "ReduceLrOnPlateau";
    final double lr0;
    Mode mode = Mode.MIN;
    double factor = 0.1;
    int patience = 10;
    double threshold = 1e-4;
    ThresholdMode thresholdMode = ThresholdMode.REL;
    int cooldown;
    double minLr;
    double eps = 1e-8;

    ReduceLrOnPlateauBuilder(double lr0) {
        this.lr0 = Checks.positive(NAME, "lr0", lr0);
    }

    /** MIN when lower is better (a loss), MAX when higher is (an accuracy). */
    public ReduceLrOnPlateauBuilder mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, NAME + ": mode must not be null");
        return this;
    }

    /** The multiplier of each reduction, in [0, 1). */
    public ReduceLrOnPlateauBuilder factor(double factor) {
        if (!(factor >= 0 && factor < 1)) {
            throw Checks.fail(NAME, "factor", factor, "in [0, 1) (a reduction)");
        }
        this.factor = factor;
        return this;
    }

    /** How many steps without improvement are tolerated; the rate drops at the next one. &ge; 0. */
    public ReduceLrOnPlateauBuilder patience(int patience) {
        this.patience = Checks.atLeast(NAME, "patience", patience, 0);
        return this;
    }

    /** The least change that counts as an improvement, and whether it is relative or absolute. */
    public ReduceLrOnPlateauBuilder threshold(double threshold, ThresholdMode thresholdMode) {
        this.threshold = Checks.nonNegative(NAME, "threshold", threshold);
        this.thresholdMode = Objects.requireNonNull(thresholdMode, NAME + ": thresholdMode must not be null");
        return this;
    }

    /** Steps after a reduction during which bad steps are not counted, &ge; 0. */
    public ReduceLrOnPlateauBuilder cooldown(int cooldown) {
        this.cooldown = Checks.atLeast(NAME, "cooldown", cooldown, 0);
        return this;
    }

    /** The floor of the learning rate, &ge; 0. */
    public ReduceLrOnPlateauBuilder minLr(double minLr) {
        this.minLr = Checks.nonNegative(NAME, "minLr", minLr);
        return this;
    }

    /** Reductions smaller than this are skipped, &ge; 0. */
    public ReduceLrOnPlateauBuilder eps(double eps) {
        this.eps = Checks.nonNegative(NAME, "eps", eps);
        return this;
    }

    /** A fresh schedule with these settings. */
    public ReduceLrOnPlateau build() {
        return new ReduceLrOnPlateau(this);
    }

    /** A copy, so that changing this builder later leaves built schedules alone. */
    ReduceLrOnPlateauBuilder copy() {
        ReduceLrOnPlateauBuilder c = new ReduceLrOnPlateauBuilder(lr0);
        c.mode = mode;
        c.factor = factor;
        c.patience = patience;
        c.threshold = threshold;
        c.thresholdMode = thresholdMode;
        c.cooldown = cooldown;
        c.minLr = minLr;
        c.eps = eps;
        return c;
    }
}
