package org.jgrad.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.loss.Loss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.train.metrics.Metric;

/**
 * Keras-like training of a model: {@link #fit}, {@link #evaluate}, {@link #predict}, over the same
 * steps as the hand-written loop. Each training step runs in train mode inside its own
 * {@link Scope} (zeroGrad, forward, loss, backward, step), so device memory stays flat; evaluation
 * and prediction run in eval mode under {@link NoGrad} and restore the model's mode afterwards.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(model).loss(new CrossEntropyLoss())
 *         .optimizer(new Adam(model.parameters(), 1e-3)).metrics(new Accuracy()).build();
 * History history = trainer.fit(trainLoader, 10, validationLoader, new EarlyStopping("val_loss"));
 * }</pre>
 *
 * <p>A trainer is used on one thread; it does not own the model, optimizer or loaders.
 */
public final class Trainer {
    /** The History column of the learning rate used by an epoch's last update. */
    public static final String LR = "lr";

    private final Module model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final LrSchedule schedule;
    private final ScheduleStep scheduleStep;
    private final List<Metric> metrics;
    private final ProgressBar progress;
    private final boolean stopOnNonFiniteLoss;
    private History history = new History();
    private boolean stopRequested;

    Trainer(Module model, Loss loss, Optimizer optimizer, LrSchedule schedule, ScheduleStep scheduleStep,
            List<Metric> metrics, ProgressBar progress, boolean stopOnNonFiniteLoss) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.scheduleStep = scheduleStep;
        this.metrics = metrics;
        this.progress = progress;
        this.stopOnNonFiniteLoss = stopOnNonFiniteLoss;
    }

    /** Starts configuring a trainer for {@code model}. */
    public static TrainerBuilder builder(Module model) {
        return new TrainerBuilder(model);
    }

    /**
     * Trains for up to {@code epochs} passes over {@code train}, evaluating on {@code validation}
     * (may be null) after each; returns the per-epoch values: {@code loss}, the metrics, their
     * {@code val_} counterparts and {@code lr}. Stops early when a callback asks.
     */
    public History fit(DataLoader train, int epochs, DataLoader validation, Callback... callbacks) {
        requireBatches("fit: training loader", train);
        if (validation != null) {
            requireBatches("fit: validation loader", validation);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("fit: epochs must be >= 1, got " + epochs);
        }
        List<Callback> hooks = List.of(callbacks);
        history = new History();
        stopRequested = false;
        hooks.forEach(c -> c.onTrainBegin(this));
        for (int epoch = 1; epoch <= epochs && !stopRequested; epoch++) {
            int e = epoch;
            hooks.forEach(c -> c.onEpochBegin(this, e));
            Map<String, Double> values = trainEpoch(train, epoch, epochs, hooks);
            if (validation != null) {
                values.putAll(pass(validation, History.VALIDATION_PREFIX));
            }
            values.put(LR, optimizer.lr());
            stepScheduleAfterEpoch(values);
            history.addEpoch(values);
            if (progress != null) {
                progress.endEpoch(values);
            }
            Map<String, Double> view = Collections.unmodifiableMap(values);
            hooks.forEach(c -> c.onEpochEnd(this, e, view));
        }
        hooks.forEach(c -> c.onTrainEnd(this));
        return history;
    }

    /** The loss and metrics over every batch of {@code data}, in eval mode without gradients. */
    public Map<String, Double> evaluate(DataLoader data) {
        requireBatches("evaluate: loader", data);
        return pass(data, "");
    }

    /** The model's outputs for every batch of {@code data}, in order, joined along dimension 0; the caller owns the result. */
    public Tensor predict(DataLoader data) {
        requireBatches("predict: loader", data);
        return inEvalMode(() -> {
            try (Scope scope = Scope.open()) {
                List<Tensor> outputs = new ArrayList<>();
                for (Batch batch : data) {
                    outputs.add(model.forward(batch.inputs()));
                }
                return scope.keep(Tensors.cat(0, outputs.toArray(new Tensor[0])));
            }
        });
    }

    /** The model's output for {@code inputs} in one forward pass; the caller owns the result. */
    public Tensor predict(Tensor inputs) {
        Objects.requireNonNull(inputs, "predict: inputs");
        return inEvalMode(() -> {
            try (Scope scope = Scope.open()) {
                return scope.keep(model.forward(inputs));
            }
        });
    }

    /** Ends {@link #fit} after the current epoch. */
    public void stopTraining() {
        stopRequested = true;
    }

    /** True once a callback has called {@link #stopTraining()} in the current fit. */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /** The values of the current (or last) {@link #fit}, one entry per finished epoch. */
    public History history() {
        return history;
    }

    public Module model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The schedule, or null when the learning rate is fixed. */
    public LrSchedule schedule() {
        return schedule;
    }

    private Map<String, Double> trainEpoch(DataLoader train, int epoch, int epochs, List<Callback> hooks) {
        model.train();
        if (schedule != null && scheduleStep == ScheduleStep.PER_EPOCH) {
            optimizer.setLr(schedule.lr());
        }
        if (progress != null) {
            progress.startEpoch(epoch, epochs, train.numBatches());
        }
        RunningValues running = new RunningValues(metrics);
        Iterator<Batch> batches = train.iterator();
        for (int b = 1; batches.hasNext(); b++) {
            if (schedule != null && scheduleStep == ScheduleStep.PER_BATCH) {
                optimizer.setLr(schedule.lr());
            }
            int size;
            try (Scope step = Scope.open(); Batch batch = batches.next()) {
                size = batch.size();
                running.addLoss(trainStep(batch, epoch, b), size);
            }
            if (schedule != null && scheduleStep == ScheduleStep.PER_BATCH) {
                schedule.step();
            }
            Map<String, Double> now = running.values("");
            if (progress != null) {
                progress.batchDone(size, now);
            }
            int batchNumber = b;
            hooks.forEach(c -> c.onBatchEnd(this, epoch, batchNumber, now));
        }
        return new LinkedHashMap<>(running.values(""));
    }

    /**
     * One update; feeds the metrics the step's outputs; returns the loss before the update. A
     * non-finite loss stops training before it reaches the weights, unless the builder turned that off.
     */
    private double trainStep(Batch batch, int epoch, int batchNumber) {
        optimizer.zeroGrad();
        Tensor outputs = model.forward(batch.inputs());
        Tensor value = loss.apply(outputs, batch.targets());
        double lossValue = value.item();
        if (stopOnNonFiniteLoss && !Double.isFinite(lossValue)) {
            throw new ArithmeticException("fit: the loss is " + lossValue + " at epoch " + epoch + ", batch "
                    + batchNumber + "; training stopped before this batch updated the weights. Look for NaN or"
                    + " infinite inputs, a batch whose targets are all ignored, or a learning rate too high; AnomalyMode"
                    + " names the op. Trainer.builder(...).stopOnNonFiniteLoss(false) trains on regardless");
        }
        value.backward();
        optimizer.step();
        updateMetrics(outputs.detach(), batch.targets());
        return lossValue;
    }

    private void stepScheduleAfterEpoch(Map<String, Double> values) {
        if (schedule != null && scheduleStep == ScheduleStep.PER_EPOCH) {
            String monitored = History.validationName(RunningValues.LOSS);
            schedule.step(values.getOrDefault(monitored, values.get(RunningValues.LOSS)));
        }
    }

    /** Loss and metrics over one pass of {@code data}, names prefixed with {@code prefix}. */
    private Map<String, Double> pass(DataLoader data, String prefix) {
        return inEvalMode(() -> {
            RunningValues running = new RunningValues(metrics);
            Iterator<Batch> batches = data.iterator();
            while (batches.hasNext()) {
                try (Scope scope = Scope.open(); Batch batch = batches.next()) {
                    Tensor outputs = model.forward(batch.inputs());
                    running.addLoss(loss.apply(outputs, batch.targets()).item(), batch.size());
                    updateMetrics(outputs, batch.targets());
                }
            }
            return running.values(prefix);
        });
    }

    private void updateMetrics(Tensor outputs, Tensor targets) {
        try (NoGrad noGrad = NoGrad.enter()) {
            metrics.forEach(m -> m.update(outputs, targets));
        }
    }

    private <T> T inEvalMode(Supplier<T> work) {
        boolean wasTraining = model.isTraining();
        model.eval();
        try (NoGrad noGrad = NoGrad.enter()) {
            return work.get();
        } finally {
            model.train(wasTraining);
        }
    }

    private static void requireBatches(String what, DataLoader loader) {
        Objects.requireNonNull(loader, what);
        if (loader.numBatches() < 1) {
            throw new IllegalArgumentException(what + " has no batches (" + loader.dataset().size()
                    + " examples in batches of " + loader.batchSize() + "); give it data, or a smaller batch size with dropLast");
        }
    }
}
