/**
 * Training: {@link org.jgrad.train.Trainer} (Keras-like {@code fit} / {@code evaluate} /
 * {@code predict}) with its {@link org.jgrad.train.Callback}s ({@link org.jgrad.train.EarlyStopping},
 * {@link org.jgrad.train.CsvLogger}, {@link org.jgrad.train.ModelCheckpoint}), and what any training
 * loop reports: {@link org.jgrad.train.History} (per-epoch values by name and their CSV; the jgrad-plot module draws them) and
 * {@link org.jgrad.train.ProgressBar}; the metrics are in {@link org.jgrad.train.metrics}. The
 * hand-written loop (zeroGrad, forward, loss, backward, step in a {@code Scope}) stays first-class:
 * the trainer runs exactly those steps and adds nothing a loop cannot do itself.
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li><b>Names</b> are Keras's: a metric's name for its training value, {@code val_} plus the
 *       name for its validation value ({@code loss}, {@code val_loss}).
 *   <li><b>Epochs are numbered from 1</b> everywhere: the progress bar's {@code Epoch 1/10}, the
 *       CSV's {@code epoch} column (Keras's CSVLogger starts at 0) and the plot's axis.
 *   <li><b>CSV</b>: a header {@code epoch,name,...} in order of first appearance, one row per
 *       epoch, values as Java's shortest decimal that reads back to the same double
 *       ({@code 0.1}, {@code 1.0E-5}, {@code NaN}), an empty cell where an epoch lacks a value,
 *       RFC 4180 quoting. Files are written to a temporary file in the same folder and renamed
 *       over the target, so a crash never leaves half a file.
 *   <li><b>Plot</b>: JFreeChart 1.5 (LGPL, one jar, no transitive dependencies), drawn
 *       off-screen; {@code java.awt.headless} is set to true when the program has not set it. One
 *       panel per quantity over a shared epoch axis, training in blue and validation in orange;
 *       900 pixels wide and 240 per panel unless a size is given. Non-finite values are left out
 *       of the curves. Text needs a font the JDK can find (Debian: {@code fonts-dejavu-core}).
 *   <li><b>Progress</b>: Keras's layout, no dependency. A live bar when the JVM has a terminal
 *       ({@code System.console()}, and on JDK 22+ its {@code isTerminal()}) and {@code CI} is
 *       unset, "" or "false"; otherwise one line per epoch. The live line is redrawn with
 *       {@code \r} at most every 100 ms, blanks what a longer previous line left, and is cut to
 *       the terminal width ({@code COLUMNS}, else {@code stty size} on {@code /dev/tty}, else 80;
 *       read at each epoch) so it never wraps; an epoch's end line too wide for the bar drops
 *       it and continues on further lines. A bar past its announced
 *       number of batches stays full rather than failing the training run.
 *   <li><b>Trainer API</b>: a builder, {@code Trainer.builder(model).loss(..).optimizer(..)
 *       .schedule(..).metrics(..).build()}, since Java has no keyword arguments and a builder
 *       checks the whole configuration once (missing loss or optimizer, clashing metric names, a
 *       metric-driven schedule stepped per batch). The trainer holds no data: loaders are
 *       arguments of {@code fit}, {@code evaluate} and {@code predict}, as in Keras.
 *   <li><b>Steps</b>: each training step runs in train mode in its own {@code Scope} (the batch
 *       included), so device memory is flat across epochs; evaluation and prediction run in eval
 *       mode under {@code NoGrad}, a scope per batch, and put back the mode the model had
 *       ({@code train(wasTraining)}, recursively). Metrics see the step's outputs computed before
 *       the update, as in Keras.
 *   <li><b>Values</b>: the epoch's loss is the mean of batch losses weighted by batch size (Keras
 *       3; the mean over samples for mean-reduced losses), the same rule for {@code val_loss}, so
 *       {@code val_loss} equals {@code evaluate} on the same weights. Columns are {@code loss},
 *       the metrics, {@code val_loss}, the validation metrics, then {@code lr}: the rate of the
 *       epoch's last update. The same metric objects serve training and validation (reset for each
 *       pass).
 *   <li><b>Schedules</b>: {@code ScheduleStep.PER_EPOCH} (default) sets the rate at the start of
 *       each epoch and calls {@code step(metric)} after validation with {@code val_loss}, or
 *       {@code loss} without validation (what reduce-on-plateau reads; others ignore it);
 *       {@code PER_BATCH} sets it before each update and calls {@code step()} after it, and is
 *       refused for metric-driven schedules.
 *   <li><b>Callbacks</b> get the trainer in every hook (model, optimizer, schedule, history so
 *       far) and stop training with {@code trainer.stopTraining()}, which ends the run after the
 *       current epoch, whose values are recorded. Hooks run in the order the callbacks are given.
 *   <li><b>EarlyStopping</b> follows Keras: improvement is beating the best by more than
 *       {@code minDelta}; after {@code patience} epochs without one it stops and, with
 *       {@code restoreBestWeights}, loads an in-memory device copy of the best epoch's state dict
 *       (only when it stops, as Keras; freed at the end of training). A monitor that is not among
 *       the epoch's values is an error naming the columns there are, not Keras's warning.
 *   <li><b>ModelCheckpoint</b> saves through a one-method {@code CheckpointWriter
 *       (file, trainer)}, so it does not depend on any file format ({@code org.jgrad.io} plugs in
 *       with a lambda): every epoch by default (the file holds the last), or only improvements of
 *       the monitor with {@code saveBestOnly}; {@code {epoch}} in the file name gives one file per
 *       save. Write errors surface as {@code UncheckedIOException} naming the file and epoch.
 *   <li><b>CsvLogger</b> rewrites the whole History CSV after every epoch (atomically), so the
 *       file is always complete up to the last finished epoch.
 * </ul>
 */
package org.jgrad.train;
