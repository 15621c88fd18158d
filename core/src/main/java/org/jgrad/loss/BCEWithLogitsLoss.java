package org.jgrad.loss;

import org.jgrad.Tensor;

/**
 * Binary cross-entropy on logits x with targets y in [0, 1] (same shape, FLOAT32), as PyTorch's
 * BCEWithLogitsLoss, in the stable form max(x, 0) - x y + log(1 + exp(-|x|)): no exp overflows,
 * and the gradient is sigmoid(x) - y. log(1 + u) is formed as log of (1 + u) rounded to float32,
 * so a loss below about 6e-8 (|x| > 16 on the right side) comes out as 0: absolute error stays
 * under 6e-8 per element.
 *
 * <p>Options (fluent setters): {@link #posWeight} p, broadcast against the input along the last
 * dimensions (usually one per class, shape (C)), scales the positive term:
 * loss = (1 - y) x + (1 + (p - 1) y) softplus(-x); {@link #weight} rescales each element's loss
 * (broadcast), and MEAN stays the plain mean of the weighted losses, as PyTorch.
 */
public final class BCEWithLogitsLoss implements Loss {
    private static final String NAME = "BCEWithLogitsLoss";
    private Tensor weight;
    private Tensor posWeight;
    private Reduction reduction = Reduction.MEAN;

    /** Per-element rescaling, FLOAT32, broadcastable to the input; null for none. */
    public BCEWithLogitsLoss weight(Tensor elementWeight) {
        this.weight = elementWeight;
        return this;
    }

    /** Weight of the positive examples, FLOAT32, broadcastable to the input; null for none. */
    public BCEWithLogitsLoss posWeight(Tensor positiveWeight) {
        this.posWeight = positiveWeight;
        return this;
    }

    public BCEWithLogitsLoss reduction(Reduction r) {
        this.reduction = LossChecks.requireReduction(NAME, r);
        return this;
    }

    @Override
    public Tensor apply(Tensor input, Tensor target) {
        LossChecks.requireSameShape(NAME, input, target);
        if (weight != null) {
            LossChecks.requireBroadcastsTo(NAME, "weight", weight, input);
        }
        if (posWeight != null) {
            LossChecks.requireBroadcastsTo(NAME, "posWeight", posWeight, input);
        }
        Tensor logOnePlusExpNegAbs = input.abs().neg().exp().add(1f).log();
        Tensor losses = input.relu().sub(input.mul(target)).add(logOnePlusExpNegAbs);
        if (posWeight != null) {
            Tensor softplusNeg = input.neg().relu().add(logOnePlusExpNegAbs);
            losses = losses.add(posWeight.sub(1f).mul(target).mul(softplusNeg));
        }
        if (weight != null) {
            losses = losses.mul(weight);
        }
        return reduction.reduce(losses);
    }
}
