package org.jgrad.optim.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lowers the learning rate when a metric stops improving, as PyTorch's {@code ReduceLROnPlateau}.
 * Each {@link #step(double) step(metric)}:
 * <ol>
 *   <li>the metric is better than the best so far if, in mode MIN, it is below
 *       {@code best · (1 - threshold)} (REL) or {@code best - threshold} (ABS); in mode MAX, above
 *       {@code best · (1 + threshold)} or {@code best + threshold}. A better metric becomes the
 *       best and resets the bad-step count; otherwise the count grows by one (a NaN is never better);
 *   <li>during a cooldown (the {@code cooldown} steps after a reduction) the count is held at 0;
 *   <li>when the count exceeds {@code patience} the rate becomes {@code max(lr · factor, minLr)}
 *       (kept unchanged if that lowers it by no more than {@code eps}), the cooldown starts and
 *       the count resets.
 * </ol>
 * Build one with {@link #builder(double)}; the defaults are PyTorch's. {@link #step()} without a
 * metric is refused. The state holds {@code step, lr, best, num_bad_epochs, cooldown_counter}.
 */
public final class ReduceLrOnPlateau implements LrSchedule {
    /** Whether the metric should go down (a loss) or up (an accuracy). */
    public enum Mode { MIN, MAX }

    /** Whether {@code threshold} is relative to the best metric or absolute. */
    public enum ThresholdMode { REL, ABS }

    private static final String NAME = "ReduceLrOnPlateau";
    private final ReduceLrOnPlateauBuilder config;
    private double lr;
    private double best;
    private int badSteps;
    private int cooldownLeft;
    private int step;

    ReduceLrOnPlateau(ReduceLrOnPlateauBuilder config) {
        this.config = config.copy();
        this.lr = config.lr0;
        this.best = config.mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** A builder with PyTorch's defaults: MIN, factor 0.1, patience 10, threshold 1e-4 REL, cooldown 0, minLr 0, eps 1e-8. */
    static ReduceLrOnPlateauBuilder builder(double lr0) {
        return new ReduceLrOnPlateauBuilder(lr0);
    }

    @Override
    public double lr() {
        return lr;
    }

    /** @throws IllegalStateException always: this schedule needs the metric */
    @Override
    public void step() {
        throw new IllegalStateException(NAME + " needs the monitored metric: call step(metric), "
                + "for example with the validation loss");
    }

    @Override
    public void step(double metric) {
        step++;
        if (isBetter(metric)) {
            best = metric;
            badSteps = 0;
        } else {
            badSteps++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badSteps = 0;
        }
        if (badSteps > config.patience) {
            double reduced = Math.max(lr * config.factor, config.minLr);
            if (lr - reduced > config.eps) {
                lr = reduced;
            }
            cooldownLeft = config.cooldown;
            badSteps = 0;
        }
    }

    private boolean isBetter(double metric) {
        boolean rel = config.thresholdMode == ThresholdMode.REL;
        if (config.mode == Mode.MIN) {
            return metric < (rel ? best * (1 - config.threshold) : best - config.threshold);
        }
        return metric > (rel ? best * (1 + config.threshold) : best + config.threshold);
    }

    @Override
    public boolean needsMetric() {
        return true;
    }

    @Override
    public int stepCount() {
        return step;
    }

    @Override
    public Map<String, Double> state() {
        Map<String, Double> state = new LinkedHashMap<>();
        state.put(States.STEP, (double) step);
        state.put("lr", lr);
        state.put("best", best);
        state.put("num_bad_epochs", (double) badSteps);
        state.put("cooldown_counter", (double) cooldownLeft);
        return Collections.unmodifiableMap(state);
    }

    @Override
    public void loadState(Map<String, Double> state) {
        int newStep = States.count(state, States.STEP, NAME, Integer.MAX_VALUE);
        double newLr = Checks.nonNegative(NAME, "state entry 'lr'", States.value(state, "lr", NAME));
        double newBest = States.value(state, "best", NAME);
        int newBad = States.count(state, "num_bad_epochs", NAME, Integer.MAX_VALUE);
        int newCooldown = States.count(state, "cooldown_counter", NAME, config.cooldown);
        step = newStep;
        lr = newLr;
        best = newBest;
        badSteps = newBad;
        cooldownLeft = newCooldown;
    }
}
