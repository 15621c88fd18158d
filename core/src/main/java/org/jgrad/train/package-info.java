/**
 * What a training loop reports: {@link org.jgrad.train.History} (per-epoch values by name, CSV,
 * PNG plot) and {@link org.jgrad.train.ProgressBar}; the metrics are in
 * {@link org.jgrad.train.metrics}.
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
 *       the terminal width ({@code COLUMNS}, else 120) so it never wraps. A bar past its announced
 *       number of batches stays full rather than failing the training run.
 * </ul>
 */
package org.jgrad.train;
