package org.jgrad.train;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jgrad.loss.Loss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.train.metrics.Metric;

/**
 * Configures a {@link Trainer}: {@code Trainer.builder(model).loss(...).optimizer(...).build()}
 * at least; a schedule, metrics and the progress display are optional. {@link #build} checks the
 * whole configuration and names what is missing or inconsistent.
 */
public final class TrainerBuilder {
    private final Module model;
    private Loss loss;
    private Optimizer optimizer;
    private LrSchedule schedule;
    private ScheduleStep scheduleStep = ScheduleStep.PER_EPOCH;
    private List<Metric> metrics = List.of();
    private ProgressBar progress;
    private boolean silent;
    private boolean stopOnNonFiniteLoss = true;

    TrainerBuilder(Module model) {
        this.model = Objects.requireNonNull(model, "Trainer.builder: model");
    }

    /** The loss minimised (and reported as {@code loss}). Required. */
    public TrainerBuilder loss(Loss lossFunction) {
        this.loss = Objects.requireNonNull(lossFunction, "Trainer.builder: loss");
        return this;
    }

    /** The optimizer updating the model's parameters. Required. */
    public TrainerBuilder optimizer(Optimizer updater) {
        this.optimizer = Objects.requireNonNull(updater, "Trainer.builder: optimizer");
        return this;
    }

    /** A learning-rate schedule stepped per epoch ({@link ScheduleStep#PER_EPOCH}). */
    public TrainerBuilder schedule(LrSchedule lrSchedule) {
        return schedule(lrSchedule, ScheduleStep.PER_EPOCH);
    }

    /** A learning-rate schedule stepped after every batch or every epoch. */
    public TrainerBuilder schedule(LrSchedule lrSchedule, ScheduleStep when) {
        this.schedule = Objects.requireNonNull(lrSchedule, "Trainer.builder: schedule");
        this.scheduleStep = Objects.requireNonNull(when, "Trainer.builder: schedule step");
        return this;
    }

    /** Metrics computed on training and validation batches, reported under their names (and {@code val_} names). */
    public TrainerBuilder metrics(Metric... trackedMetrics) {
        this.metrics = List.of(trackedMetrics);
        return this;
    }

    /** The progress display; by default {@link ProgressBar#create} on {@code System.out}. */
    public TrainerBuilder progress(ProgressBar bar) {
        this.progress = Objects.requireNonNull(bar, "Trainer.builder: progress");
        this.silent = false;
        return this;
    }

    /** No progress display at all. */
    public TrainerBuilder silent() {
        this.silent = true;
        return this;
    }

    /**
     * Whether {@link Trainer#fit} stops with an {@link ArithmeticException} naming the epoch and
     * batch when a training batch's loss is NaN or infinite, before that batch updates the
     * weights (the default), or trains on (false), as Keras without {@code TerminateOnNaN}.
     */
    public TrainerBuilder stopOnNonFiniteLoss(boolean stop) {
        this.stopOnNonFiniteLoss = stop;
        return this;
    }

    /** A trainer with this configuration. */
    public Trainer build() {
        if (loss == null || optimizer == null) {
            throw new IllegalStateException("Trainer.builder: set " + (loss == null ? "loss(...)" : "optimizer(...)")
                    + " before build()");
        }
        if (schedule != null && schedule.needsMetric() && scheduleStep == ScheduleStep.PER_BATCH) {
            throw new IllegalStateException("Trainer.builder: " + schedule.getClass().getSimpleName()
                    + " reads a metric (reduce-on-plateau) and must be stepped PER_EPOCH, not PER_BATCH");
        }
        checkMetricNames();
        ProgressBar bar = silent ? null : progress != null ? progress : ProgressBar.create(System.out);
        return new Trainer(model, loss, optimizer, schedule, scheduleStep, metrics, bar, stopOnNonFiniteLoss);
    }

    private void checkMetricNames() {
        Set<String> names = new HashSet<>(Set.of(RunningValues.LOSS, Trainer.LR));
        for (Metric metric : metrics) {
            if (!names.add(Objects.requireNonNull(metric, "Trainer.builder: a metric is null").name())) {
                throw new IllegalStateException("Trainer.builder: metric name '" + metric.name()
                        + "' is used twice or clashes with 'loss' / 'lr'; History columns must be unique");
            }
        }
    }
}
