package org.jgrad.conformance;

import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;
import org.jgrad.io.Checkpoint;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.optim.schedule.Schedules;

/**
 * A small seeded training run for the checkpoint tests: an MLP with BatchNorm (buffers) and
 * Dropout (random masks from the global generator), Adam with weight decay, a warm-up then
 * cosine schedule, on a fixed batch of 24 samples with 5 features and 3 classes.
 */
record TrainingRun(Sequential model, Adam optimizer, LrSchedule schedule, Tensor x, Tensor labels) {
    /** Total steps the schedule is built for. */
    static final int STEPS = 10;

    TrainingRun(Backend backend, long seed, int hidden) {
        this(seeded(seed, hidden), backend);
    }

    private TrainingRun(Sequential model, Backend backend) {
        this(model, new Adam(model.parameters(), 0.05).weightDecay(1e-3),
                Schedules.cosine(0.05, STEPS).withWarmup(3, 0.2),
                Tensors.fromArray(backend, ConformanceSupport.randomFloats(24 * 5, 77, -2, 2), 24, 5),
                Tensors.fromArray(backend, labels(24), 24));
    }

    private static Sequential seeded(long seed, int hidden) {
        Generator.manualSeed(seed);
        return new Sequential(new Linear(5, hidden), new BatchNorm1d(hidden), new ReLU(), new Dropout(0.25),
                new Linear(hidden, 3));
    }

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i * 7 % 3;
        }
        return labels;
    }

    /** Everything a resume needs: model, optimizer, schedule and the global generator. */
    Checkpoint checkpoint() {
        return Checkpoint.of(model).with(optimizer).with(schedule).withGlobalGenerator();
    }

    /** One training step; returns its loss. */
    float step() {
        try (Scope ignored = Scope.open()) {
            optimizer.setLr(schedule.lr());
            optimizer.zeroGrad();
            Tensor loss = new CrossEntropyLoss().apply(model.forward(x), labels);
            loss.backward();
            optimizer.step();
            schedule.step();
            return loss.item();
        }
    }

    /** {@code n} steps; returns their losses. */
    float[] steps(int n) {
        float[] losses = new float[n];
        for (int i = 0; i < n; i++) {
            losses[i] = step();
        }
        return losses;
    }
}
