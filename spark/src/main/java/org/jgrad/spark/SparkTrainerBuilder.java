package org.jgrad.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.train.ScheduleStep;

/** Configures a {@link SparkTrainer}; see {@link SparkTrainer#builder}. */
public final class SparkTrainerBuilder {
    final ModelFactory model;
    OptimizerFactory optimizer;
    ScheduleFactory schedule;
    ScheduleStep scheduleStep = ScheduleStep.PER_EPOCH;
    LossFactory loss = CrossEntropyLoss::new;
    int epochs = 1;
    int batchSize = 32;
    long seed;
    int checkpointEvery;
    Path checkpoint;
    Path resumeFrom;
    PrintStream progress;

    SparkTrainerBuilder(ModelFactory model) {
        this.model = Objects.requireNonNull(model, "SparkTrainer: model factory");
    }

    /** The optimizer of each replica (required). */
    public SparkTrainerBuilder optimizer(OptimizerFactory factory) {
        this.optimizer = Objects.requireNonNull(factory, "SparkTrainer: optimizer factory");
        return this;
    }

    /** A learning-rate schedule stepped after every epoch (with the epoch's training loss). */
    public SparkTrainerBuilder schedule(ScheduleFactory factory) {
        return schedule(factory, ScheduleStep.PER_EPOCH);
    }

    /** A learning-rate schedule stepped after every update ({@code PER_BATCH}) or every epoch. */
    public SparkTrainerBuilder schedule(ScheduleFactory factory, ScheduleStep when) {
        this.schedule = Objects.requireNonNull(factory, "SparkTrainer: schedule factory");
        this.scheduleStep = Objects.requireNonNull(when, "SparkTrainer: schedule step");
        return this;
    }

    /** The loss (default: cross-entropy on logits with integer labels). */
    public SparkTrainerBuilder loss(LossFactory factory) {
        this.loss = Objects.requireNonNull(factory, "SparkTrainer: loss factory");
        return this;
    }

    /** Passes over the data (default 1). */
    public SparkTrainerBuilder epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    /** Examples per worker per step; a step's global batch is workers × this (default 32). */
    public SparkTrainerBuilder batchSize(int perWorker) {
        this.batchSize = perWorker;
        return this;
    }

    /** Seeds the initial weights (the global generator on the driver) and every partition's batch order (default 0). */
    public SparkTrainerBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Writes the whole training state to {@code file} (safetensors, replaced atomically) every
     * {@code steps} steps and at the end of every epoch.
     */
    public SparkTrainerBuilder checkpoint(Path file, int steps) {
        this.checkpoint = Objects.requireNonNull(file, "SparkTrainer: checkpoint file");
        this.checkpointEvery = steps;
        return this;
    }

    /** Starts from a checkpoint written by {@link #checkpoint} (same model, optimizer, schedule, data and batch size). */
    public SparkTrainerBuilder resumeFrom(Path file) {
        this.resumeFrom = Objects.requireNonNull(file, "SparkTrainer: resume file");
        return this;
    }

    /** Prints one line per round (epoch or checkpoint interval) on the driver; default: none. */
    public SparkTrainerBuilder progress(PrintStream out) {
        this.progress = out;
        return this;
    }

    public SparkTrainer build() {
        if (optimizer == null) {
            throw new IllegalStateException("SparkTrainer: an optimizer factory is required");
        }
        check(epochs >= 1, "epochs must be >= 1, got " + epochs);
        check(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
        check(checkpoint == null || checkpointEvery >= 1, "checkpoint interval must be >= 1 step, got " + checkpointEvery);
        if (schedule != null && scheduleStep == ScheduleStep.PER_BATCH && schedule.create().needsMetric()) {
            throw new IllegalStateException("SparkTrainer: a schedule that reads a metric (reduce-on-plateau) must be "
                    + "stepped PER_EPOCH, not PER_BATCH");
        }
        return new SparkTrainer(this);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("SparkTrainer: " + message);
        }
    }
}
