package org.jgrad.optim.schedule;

import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * Any multiplier of the initial rate, as PyTorch's {@code LambdaLR}: {@code lr(t) = lr0 · f(t)}.
 * For example {@code f = t -> Math.pow(1 + t, -0.5)} gives inverse-square-root decay. The state
 * holds only the step count: restoring it needs a schedule built with the same {@code f}.
 */
public final class LambdaLr extends ClosedFormSchedule {
    private final double lr0;
    private final IntToDoubleFunction multiplier;

    /**
     * @param lr0 the initial learning rate, &gt; 0
     * @param multiplier {@code f}, which must return a finite number &ge; 0 for every step
     */
    LambdaLr(double lr0, IntToDoubleFunction multiplier) {
        this.lr0 = Checks.positive("LambdaLr", "lr0", lr0);
        this.multiplier = Objects.requireNonNull(multiplier, "LambdaLr: multiplier must not be null");
    }

    /** @throws IllegalStateException if {@code f(t)} is negative, infinite or NaN */
    @Override
    protected double formula(int t) {
        double f = multiplier.applyAsDouble(t);
        if (!(f >= 0) || !Double.isFinite(f)) {
            throw new IllegalStateException("LambdaLr: the multiplier returned " + f + " at step " + t
                    + "; expected a finite number >= 0");
        }
        return lr0 * f;
    }
}
