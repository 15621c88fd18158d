package org.jgrad.optim.schedule;

import java.util.Map;

/**
 * A learning-rate schedule: the learning rate an optimizer uses at each step, where a step is
 * whatever the caller counts (a batch or an epoch).
 *
 * <p>Driving one follows PyTorch's order: read {@link #lr()} and update the weights with it, then
 * call {@link #step()} (or {@link #step(double)} with the monitored metric, for schedules whose
 * {@link #needsMetric()} is true):
 *
 * <pre>{@code
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     optimizer.setLr(schedule.lr());   // the lr for step schedule.stepCount()
 *     trainOneEpoch(optimizer);
 *     schedule.step(validationLoss);    // the metric is ignored unless needsMetric()
 * }
 * }</pre>
 *
 * <p>A fresh schedule is at step 0 and its {@code lr()} is the learning rate of the first update.
 * Its whole progress fits in {@link #state()}, a map of numbers; {@link #loadState(Map)} on a
 * schedule built with the same arguments resumes it exactly.
 */
public interface LrSchedule {

    /** The learning rate for the current step, the one numbered {@link #stepCount()}. */
    double lr();

    /**
     * Moves to the next step.
     *
     * @throws IllegalStateException if this schedule needs a metric ({@link #needsMetric()}), or
     *     if it has a fixed length and is already at its end (one-cycle)
     */
    void step();

    /**
     * Moves to the next step, given the monitored metric (for example the validation loss) of the
     * step just finished. Only metric-driven schedules read it; the others ignore it, so a training
     * loop can call this on any schedule.
     */
    void step(double metric);

    /** True when the schedule reads the metric given to {@link #step(double)} (reduce-on-plateau). */
    default boolean needsMetric() {
        return false;
    }

    /** Number of steps taken so far; 0 for a fresh schedule. */
    int stepCount();

    /** A snapshot of this schedule's progress (step count and any counters), for checkpoints. */
    Map<String, Double> state();

    /**
     * Restores a snapshot taken by {@link #state()} on a schedule built with the same arguments.
     *
     * @throws IllegalArgumentException naming the entry that is missing or out of range
     */
    void loadState(Map<String, Double> state);

    /**
     * This schedule preceded by a linear warm-up from 0: see {@link #withWarmup(int, double)}.
     * Call it on a fresh schedule.
     */
    default LrSchedule withWarmup(int warmupSteps) {
        return new LinearWarmup(this, warmupSteps, 0.0);
    }

    /**
     * This schedule preceded by {@code warmupSteps} steps of linear warm-up, whose learning rate
     * rises from {@code startFactor · lr0} to {@code lr0}, where {@code lr0} is this schedule's
     * learning rate at its step 0; then this schedule runs from its own step 0. Call it on a fresh
     * schedule. See {@link LinearWarmup}.
     */
    default LrSchedule withWarmup(int warmupSteps, double startFactor) {
        return new LinearWarmup(this, warmupSteps, startFactor);
    }
}
