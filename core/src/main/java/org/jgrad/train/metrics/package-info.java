/**
 * Streaming metrics, Keras-like: {@code update(predictions, targets)} once per batch,
 * {@code result()} over every batch since {@code reset()}, and a short {@code name()} that is the
 * metric's {@code History} column. Classification: {@link org.jgrad.train.metrics.Accuracy},
 * {@link org.jgrad.train.metrics.BinaryAccuracy}, {@link org.jgrad.train.metrics.Precision},
 * {@link org.jgrad.train.metrics.Recall}, {@link org.jgrad.train.metrics.F1Score} and the
 * printable {@link org.jgrad.train.metrics.ConfusionMatrix}; regression:
 * {@link org.jgrad.train.metrics.MeanSquaredError}, {@link org.jgrad.train.metrics.MeanAbsoluteError},
 * {@link org.jgrad.train.metrics.R2Score}.
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li><b>Where the work runs.</b> The per-element work (argmax over the scores, comparisons,
 *       squared errors, one-hot rows and their K × K product for the confusion counts) runs on the
 *       batch's backend, with no autograd graph, in a scope that frees it. Each update reads back
 *       a handful of numbers: one sum, 3·D column statistics for R², or the K × K counts. That is
 *       one synchronisation per batch on a GPU backend, as reading the running loss for the
 *       progress bar already is. The sums are accumulated on the host in float64 (counts in
 *       {@code long}), so nothing drifts over a long epoch and float32 counts never pass 2^24.
 *   <li><b>Streaming-correct.</b> Every result is that of all samples at once, whatever the batch
 *       sizes: means are total sums over total counts (never means of batch means), R² merges
 *       per-batch mean and centred sum of squares with Chan et al.'s pairwise formula.
 *   <li><b>Inputs.</b> Classification predictions are FLOAT32 scores [N, K], logits or
 *       probabilities alike (the argmax is the same), or INT32 class indices [N]; targets are class
 *       indices [N] or [N, 1], INT32 or FLOAT32. Binary metrics threshold one score per sample
 *       ({@code > threshold} is class 1: 0.5 for probabilities, 0 for logits). Regression metrics
 *       want predictions and targets of the same shape, as the losses do. A target that is not a
 *       class index is counted on the device and rejected with the count.
 *   <li><b>Averages</b> follow scikit-learn: macro is the mean over the classes that occur in
 *       the targets or the predictions seen so far ({@code labels=None}); micro pools the counts
 *       (for single-label data it equals accuracy); weighted weights by support; binary is class 1.
 *       Macro F1 is the mean of per-class F1, not the F1 of macro precision and recall.
 *   <li><b>Zero division</b>: a per-class score whose denominator is 0 (a class never predicted,
 *       for precision; absent, for recall; both, for F1) is 0, scikit-learn's default value, with
 *       no warning (running values are read after every batch, where early in training such
 *       classes are common). R² of constant targets is 1 if predicted exactly, else 0
 *       (scikit-learn's {@code force_finite}).
 *   <li><b>No data</b>: {@code result()} is NaN before any sample (R²: before two), not Keras's 0,
 *       so an empty evaluation cannot pass for a bad one.
 *   <li><b>Names</b>: {@code accuracy}, {@code binary_accuracy}, {@code precision_macro} /
 *       {@code _micro} / {@code _weighted} (plain {@code precision} for the binary average), the
 *       same for {@code recall} and {@code f1}, {@code mse}, {@code mae}, {@code r2}.
 * </ul>
 */
package org.jgrad.train.metrics;
