package org.jgrad.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the training History to a CSV file after every epoch (see {@link History#toCsv}), so the
 * file is complete up to the last finished epoch even if the run is killed. Each write replaces
 * the file atomically.
 */
public final class CsvLogger implements Callback {
    private final Path file;

    public CsvLogger(Path file) {
        this.file = Objects.requireNonNull(file, "CsvLogger: file");
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
        try {
            trainer.history().toCsv(file);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot write " + file + " after epoch " + epoch, e);
        }
    }
}
