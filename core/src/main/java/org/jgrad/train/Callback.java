package org.jgrad.train;

import java.util.Map;

/**
 * Hooks into {@link Trainer#fit}, as Keras's callbacks; every hook does nothing by default. Epochs
 * are numbered from 1 and batches from 1 within an epoch. A callback stops training with
 * {@link Trainer#stopTraining()}; the run then ends after the current epoch (its values recorded
 * and every {@code onEpochEnd} called), then {@code onTrainEnd} runs.
 */
public interface Callback {

    /** Before the first epoch. */
    default void onTrainBegin(Trainer trainer) {
    }

    /** Before epoch {@code epoch}'s first batch. */
    default void onEpochBegin(Trainer trainer, int epoch) {
    }

    /** After batch {@code batch} of epoch {@code epoch}, with the running loss and metrics of the epoch so far. */
    default void onBatchEnd(Trainer trainer, int epoch, int batch, Map<String, Double> running) {
    }

    /** After epoch {@code epoch} and its validation, with the values just added to {@link Trainer#history()}. */
    default void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
    }

    /** After the last epoch, or after the epoch in which training was stopped. */
    default void onTrainEnd(Trainer trainer) {
    }
}
