package org.jgrad.optim.schedule;

import java.util.Map;

/**
 * Base of the schedules whose learning rate is a pure function of the step count {@code t}: the
 * learning rate is {@link #lrAt(int) lrAt(t)} and the state is the single entry {@code "step"}.
 * The metric given to {@link #step(double)} is ignored.
 */
public abstract class ClosedFormSchedule implements LrSchedule {
    private int step;

    /** The learning rate at step {@code t}, given {@code 0 <= t <= lastStep()}. */
    protected abstract double formula(int t);

    /** The last step this schedule is defined at; unbounded ({@code Integer.MAX_VALUE}) unless overridden. */
    protected int lastStep() {
        return Integer.MAX_VALUE;
    }

    /**
     * The learning rate at step {@code t} without moving this schedule, for plotting or inspection.
     *
     * @throws IllegalArgumentException if {@code t} is negative or past {@link #lastStep()}
     */
    public final double lrAt(int t) {
        if (t < 0 || t > lastStep()) {
            throw Checks.fail(name(), "step", t, "in [0, " + lastStep() + "]");
        }
        return formula(t);
    }

    @Override
    public final double lr() {
        return formula(step);
    }

    @Override
    public final void step() {
        if (step >= lastStep()) {
            throw new IllegalStateException(name() + ": cannot step past step " + lastStep()
                    + ", the last one it was built for");
        }
        step++;
    }

    /** Same as {@link #step()}: the metric is ignored. */
    @Override
    public final void step(double metric) {
        step();
    }

    @Override
    public final int stepCount() {
        return step;
    }

    @Override
    public Map<String, Double> state() {
        return Map.of(States.STEP, (double) step);
    }

    @Override
    public void loadState(Map<String, Double> state) {
        step = States.count(state, States.STEP, name(), lastStep());
    }

    /** The class's simple name, used in messages. */
    final String name() {
        return getClass().getSimpleName();
    }
}
