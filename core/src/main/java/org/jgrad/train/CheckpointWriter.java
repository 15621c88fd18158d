package org.jgrad.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves a training state to a file for {@link ModelCheckpoint}: the model's weights, and the
 * optimizer and schedule if the format holds them. Kept to one method so that any checkpoint format
 * plugs in, e.g. {@code (file, trainer) -> Checkpoints.save(file, trainer.model())}.
 */
@FunctionalInterface
public interface CheckpointWriter {

    /** Writes the state of {@code trainer}'s model (and whatever else the format saves) to {@code file}. */
    void write(Path file, Trainer trainer) throws IOException;
}
