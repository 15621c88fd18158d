package org.jgrad.train;

/** When a {@link Trainer} steps its learning-rate schedule: after every batch or after every epoch. */
public enum ScheduleStep {
    /** {@code step()} after each optimizer update: lengths counted in batches (warm-up, one-cycle). */
    PER_BATCH,
    /** {@code step(metric)} after each epoch, with the validation loss (else the training loss). */
    PER_EPOCH
}
