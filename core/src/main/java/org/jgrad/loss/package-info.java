/**
 * Loss functions and weight penalties, written only against the public {@link org.jgrad.Tensor}
 * API, so they run and differentiate on every backend. Names, argument order (input, then
 * target) and formulas follow PyTorch's {@code torch.nn} losses.
 *
 * <ul>
 *   <li>{@link org.jgrad.loss.Loss} is the common interface; {@link org.jgrad.loss.Reduction}
 *       (MEAN by default, SUM, NONE) says how per-element losses are combined.</li>
 *   <li>Regression: {@link org.jgrad.loss.MSELoss}, {@link org.jgrad.loss.L1Loss},
 *       {@link org.jgrad.loss.HuberLoss} (delta). Input and target must have the same shape:
 *       unlike PyTorch, which broadcasts with a warning, a mismatch is an error.</li>
 *   <li>Classification: {@link org.jgrad.loss.CrossEntropyLoss} on logits, stable through
 *       log-softmax, with INT32 labels or FLOAT32 probabilities, class weights, label smoothing and
 *       ignoreIndex; {@link org.jgrad.loss.NLLLoss} on log-probabilities;
 *       {@link org.jgrad.loss.BCEWithLogitsLoss} in the max(x, 0) - x y + log(1 + exp(-|x|)) form,
 *       with posWeight and per-element weight.</li>
 *   <li>{@link org.jgrad.loss.Penalties}: l1 and l2 over any {@code Iterable<Tensor>}; l2 is
 *       lambda * sum(w^2), with no 1/2 (Keras's convention).</li>
 * </ul>
 *
 * <p>Choices. Losses with one option take it in the constructor and are immutable; the class
 * losses and BCE take fluent setters (configure once, then apply). Class weights make MEAN
 * divide by the sum of the weights of the counted targets, as PyTorch; a batch whose labels are
 * all ignored gives 0/0 = NaN under MEAN, as PyTorch. ignoreIndex defaults to -100 and is always
 * active (labels are compared on the backend, never read back). Labels outside [0, C) other than
 * ignoreIndex are rejected by the backend's gather (the CPU backend checks; a GPU backend may not).
 * Shape and dtype mismatches fail at once with the loss's name and both shapes.
 * No log1p op exists, so log(1 + exp(-|x|)) rounds 1 + exp(-|x|) to float32 first: BCE is exact to
 * about 6e-8 absolute, which matters only for losses that small.
 */
package org.jgrad.loss;
