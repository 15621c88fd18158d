package org.jgrad.loss;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Tensor;

/**
 * Cross-entropy of logits, as PyTorch's CrossEntropyLoss: input (N, C) or (N, C, d1...) of raw
 * scores; target either INT32 class labels (N) or (N, d1...), or FLOAT32 class probabilities of the
 * input's shape. Computed from {@link Tensor#logSoftmax}, so it stays finite on any finite logits.
 *
 * <p>Options (fluent setters): a weight per class (MEAN then divides by the sum of the weights of
 * the targets), {@link #ignoreIndex} for labels that add nothing (default -100), and label
 * smoothing eps, PyTorch's formula: (1 - eps) * nll + eps / C * (-sum_c weight[c] * logp[c]).
 * For probability targets the smoothed target is (1 - eps) * p + eps / C and MEAN divides by the
 * number of samples.
 */
public final class CrossEntropyLoss implements Loss {
    private static final String NAME = "CrossEntropyLoss";
    private Tensor weight;
    private int ignoreIndex = -100;
    private float labelSmoothing;
    private Reduction reduction = Reduction.MEAN;

    /** A FLOAT32 weight per class, shape (C); null for none. */
    public CrossEntropyLoss weight(Tensor classWeight) {
        this.weight = classWeight;
        return this;
    }

    public CrossEntropyLoss ignoreIndex(int label) {
        this.ignoreIndex = label;
        return this;
    }

    /** eps in [0, 1]; 0 (the default) is plain cross-entropy. */
    public CrossEntropyLoss labelSmoothing(float eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException(NAME + ": label smoothing must be in [0, 1], got " + eps);
        }
        this.labelSmoothing = eps;
        return this;
    }

    public CrossEntropyLoss reduction(Reduction r) {
        this.reduction = LossChecks.requireReduction(NAME, r);
        return this;
    }

    @Override
    public Tensor apply(Tensor input, Tensor target) {
        if (ClassLabels.isUnbatched(input, target)) {
            return ClassLabels.unbatched(reduction, input, target, this::apply);
        }
        if (target.dtype() == DType.FLOAT32 && Arrays.equals(target.shape(), input.shape())) {
            return probabilityTargets(input, target);
        }
        ClassLabels labels = ClassLabels.of(NAME, input, target, weight, ignoreIndex);
        Tensor logp = input.logSoftmax(1);
        Tensor losses = labels.negativePicked(logp).mul(labels.targetWeight);
        if (labelSmoothing > 0) {
            Tensor uniform = weightedSum(logp).neg().mul(labels.kept);
            losses = losses.mul(1 - labelSmoothing).add(uniform.mul(labelSmoothing / input.size(1)));
        }
        return labels.reduce(reduction, losses);
    }

    private Tensor probabilityTargets(Tensor input, Tensor target) {
        if (input.dim() < 2) {
            throw LossChecks.mismatch(NAME, input, target, "input (N, C) or (N, C, d1...)");
        }
        if (weight != null) {
            ClassLabels.requireClassWeight(NAME, weight, input);
        }
        int classes = input.size(1);
        Tensor smoothed = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / classes) : target;
        Tensor logp = input.logSoftmax(1);
        return reduction.reduce(weightedSum(logp.mul(smoothed)).neg());
    }

    /** sum over classes of weight[c] * t[:, c, ...] (no weight: plain sum). */
    private Tensor weightedSum(Tensor t) {
        Tensor weighted = weight == null ? t : t.mul(ClassLabels.alongClassDim(weight, t.dim()));
        return weighted.sum(1, false);
    }
}
