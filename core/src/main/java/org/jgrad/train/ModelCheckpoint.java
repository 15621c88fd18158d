package org.jgrad.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Saves checkpoints during {@link Trainer#fit} through a {@link CheckpointWriter}, as Keras's
 * {@code ModelCheckpoint}. By default after every epoch (the last epoch's state survives); with
 * {@link #saveBestOnly} only after epochs whose monitored value improves on the best so far
 * (default monitor {@code val_loss}, MIN). {@code {epoch}} in the file name is replaced by the
 * epoch number (from 1), to keep one file per saved epoch.
 */
public final class ModelCheckpoint implements Callback {
    private static final System.Logger LOG = System.getLogger(ModelCheckpoint.class.getName());
    private static final String NAME = "ModelCheckpoint";
    private static final String EPOCH_FIELD = "{epoch}";

    private final Path file;
    private final CheckpointWriter writer;
    private Monitor monitor = new Monitor(NAME, "val_loss", MonitorMode.MIN, 0);
    private boolean saveBestOnly;

    /** Saves to {@code file} (which may contain {@code {epoch}}) with {@code writer}. */
    public ModelCheckpoint(Path file, CheckpointWriter writer) {
        this.file = Objects.requireNonNull(file, NAME + ": file");
        this.writer = Objects.requireNonNull(writer, NAME + ": writer");
    }

    /** The History column that decides which epoch is best, and whether lower or higher is better. Returns this. */
    public ModelCheckpoint monitor(String name, MonitorMode mode) {
        monitor = new Monitor(NAME, name, mode, 0);
        return this;
    }

    /** Save only when the monitored value improves (true) or after every epoch (false, the default). Returns this. */
    public ModelCheckpoint saveBestOnly(boolean best) {
        this.saveBestOnly = best;
        return this;
    }

    /** The file an epoch's checkpoint goes to. */
    public Path fileFor(int epoch) {
        String name = file.getFileName().toString();
        return name.contains(EPOCH_FIELD) ? file.resolveSibling(name.replace(EPOCH_FIELD, Integer.toString(epoch))) : file;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        monitor.reset();
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
        if (saveBestOnly && !monitor.improves(monitor.valueIn(values))) {
            return;
        }
        Path target = fileFor(epoch);
        try {
            writer.write(target, trainer);
        } catch (IOException e) {
            throw new UncheckedIOException(NAME + ": cannot save epoch " + epoch + " to " + target, e);
        }
        LOG.log(Level.DEBUG, "epoch {0}: saved {1}", epoch, target);
    }
}
