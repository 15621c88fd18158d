package org.jgrad.io;

/**
 * How far training has gone, saved in a {@link Checkpoint} so a loop can resume where it stopped:
 * {@code epoch} epochs completed and {@code step} optimizer steps taken in all.
 */
public record TrainingProgress(int epoch, long step) {
    /** Nothing done yet; what {@link Checkpoint#load} returns for a file saved without progress. */
    public static final TrainingProgress START = new TrainingProgress(0, 0);

    public TrainingProgress {
        if (epoch < 0 || step < 0) {
            throw new IllegalArgumentException("TrainingProgress: epoch " + epoch + " and step " + step
                    + " must be >= 0");
        }
    }
}
