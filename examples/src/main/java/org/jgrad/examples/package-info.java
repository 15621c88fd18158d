/**
 * The programs a newcomer runs first, through {@code ./jgrad NAME}: {@link org.jgrad.examples.DigitsExample}
 * (the main job), {@link org.jgrad.examples.LinearRegressionExample},
 * {@link org.jgrad.examples.OptimizersExample}, {@link org.jgrad.examples.MnistMlpExample},
 * {@link org.jgrad.examples.MnistCnnExample}, and {@link org.jgrad.examples.SpiralDemo} (the
 * hand-written loop).
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li><b>One backend mechanism.</b> {@code --backend NAME} is each example's own flag and makes
 *       that backend the default before anything is allocated; without it the core's choice applies
 *       ({@code -Djgrad.backend}, {@code JGRAD_BACKEND}, the best that starts). The launcher passes
 *       every argument after the command through unchanged.
 *   <li><b>Arguments</b>: {@code --name value} or {@code --name=value}; unknown, repeated,
 *       positional or malformed arguments print what was wrong and the usage, exit status 2.
 *       {@code --lr} replaces every run's rate where an example has several (optimizers).
 *   <li><b>Summary line</b>: the last line is {@code key=value} pairs (example, backend, epochs,
 *       results, seconds), so scripts and the tests read results without parsing tables.
 *   <li><b>Files</b> go to {@code target/jgrad-runs/NAME/} relative to the working directory
 *       ({@code --out}), outside version control.
 *   <li><b>Reproducible</b>: {@code --seed} seeds the global generator (weights, dropout), the
 *       splits and the loaders' shuffling; the optimizers and linear-regression runs restart from
 *       the same weights each.
 * </ul>
 */
package org.jgrad.examples;
