package org.jgrad.optim.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A linear warm-up in front of any schedule (the one given is called {@code after}). With
 * {@code W = warmupSteps}, {@code s = startFactor} and {@code base} = {@code after}'s learning
 * rate at its own step 0:
 * <ul>
 *   <li>{@code t < W}: {@code lr(t) = base · (s + (1 - s) · t / W)}, rising from {@code s·base};
 *   <li>{@code t >= W}: {@code after} runs with its own step count {@code t - W}, so
 *       {@code lr(W) = base} and the wrapped schedule's whole shape follows the warm-up.
 * </ul>
 * This is PyTorch's {@code SequentialLR([LinearLR(s, 1, W), after], milestones=[W])}; with
 * {@code s = 0} it is the warm-up of Hugging Face's {@code get_*_schedule_with_warmup}. Metrics
 * given during the warm-up are not passed on; from step {@code W} on, {@code step()} and
 * {@code step(metric)} go to {@code after}. The state holds {@code "step"} and {@code after}'s
 * state under keys prefixed {@code "after."}.
 */
public final class LinearWarmup implements LrSchedule {
    private static final String AFTER = "after";
    private final LrSchedule after;
    private final int warmupSteps;
    private final double startFactor;
    private int step;

    /**
     * @param after the schedule that follows the warm-up; must be fresh (at step 0)
     * @param warmupSteps {@code W}, &ge; 0 (0 means no warm-up)
     * @param startFactor {@code s}, in [0, 1]
     */
    LinearWarmup(LrSchedule after, int warmupSteps, double startFactor) {
        this.after = Objects.requireNonNull(after, "LinearWarmup: the schedule after the warm-up must not be null");
        if (after.stepCount() != 0) {
            throw Checks.fail("LinearWarmup", "the schedule after the warm-up", "one at step " + after.stepCount(),
                    "fresh (at step 0)");
        }
        this.warmupSteps = Checks.atLeast("LinearWarmup", "warmupSteps", warmupSteps, 0);
        this.startFactor = Checks.inRange("LinearWarmup", "startFactor", startFactor, 0, 1);
    }

    @Override
    public double lr() {
        if (step >= warmupSteps) {
            return after.lr();
        }
        return after.lr() * AnnealStrategy.LINEAR.interpolate(startFactor, 1, (double) step / warmupSteps);
    }

    @Override
    public void step() {
        if (step >= warmupSteps) {
            after.step();
        }
        step++;
    }

    @Override
    public void step(double metric) {
        if (step >= warmupSteps) {
            after.step(metric);
        }
        step++;
    }

    @Override
    public boolean needsMetric() {
        return after.needsMetric();
    }

    @Override
    public int stepCount() {
        return step;
    }

    @Override
    public Map<String, Double> state() {
        Map<String, Double> state = new LinkedHashMap<>();
        state.put(States.STEP, (double) step);
        States.nest(AFTER, after.state(), state);
        return Collections.unmodifiableMap(state);
    }

    @Override
    public void loadState(Map<String, Double> state) {
        int restored = States.count(state, States.STEP, "LinearWarmup", Integer.MAX_VALUE);
        Map<String, Double> previous = after.state();
        after.loadState(States.unnest(AFTER, state));
        int expected = Math.max(0, restored - warmupSteps);
        int found = after.stepCount();
        if (found != expected) {
            after.loadState(previous);
            throw new IllegalArgumentException("LinearWarmup: state is inconsistent: step " + restored + " with "
                    + warmupSteps + " warm-up steps needs the schedule after it at step " + expected
                    + ", but its state says " + found);
        }
        step = restored;
    }
}
