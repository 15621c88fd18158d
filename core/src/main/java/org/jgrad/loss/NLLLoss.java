package org.jgrad.loss;

import org.jgrad.Tensor;

/**
 * Negative log-likelihood of INT32 class labels under log-probabilities, as PyTorch's NLLLoss:
 * input (N, C) or (N, C, d1...), target (N) or (N, d1...); loss = -weight[y] * input[n, y].
 * MEAN divides by the sum of weight[y] over the counted targets. Labels equal to
 * {@link #ignoreIndex} (default -100) add nothing. Configure with the fluent setters.
 */
public final class NLLLoss implements Loss {
    private Tensor weight;
    private int ignoreIndex = -100;
    private Reduction reduction = Reduction.MEAN;

    /** A FLOAT32 weight per class, shape (C); null for none. */
    public NLLLoss weight(Tensor classWeight) {
        this.weight = classWeight;
        return this;
    }

    public NLLLoss ignoreIndex(int label) {
        this.ignoreIndex = label;
        return this;
    }

    public NLLLoss reduction(Reduction r) {
        this.reduction = LossChecks.requireReduction("NLLLoss", r);
        return this;
    }

    @Override
    public Tensor apply(Tensor input, Tensor target) {
        if (ClassLabels.isUnbatched(input, target)) {
            return ClassLabels.unbatched(reduction, input, target, this::apply);
        }
        ClassLabels labels = ClassLabels.of("NLLLoss", input, target, weight, ignoreIndex);
        return labels.reduce(reduction, labels.negativePicked(input).mul(labels.targetWeight));
    }
}
