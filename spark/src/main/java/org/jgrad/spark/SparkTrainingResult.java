package org.jgrad.spark;

import org.jgrad.nn.Module;
import org.jgrad.train.History;

/**
 * The outcome of {@link SparkTrainer#fit}: the trained model on the driver (the caller owns it),
 * the per-epoch {@code loss} and {@code lr} (epochs of this run only, when it resumed), and the
 * run's {@link TrainingStats}.
 */
public record SparkTrainingResult(Module model, History history, TrainingStats stats) {
}
