package org.jgrad.loss;

import org.jgrad.Tensor;

/**
 * Huber loss, as PyTorch's HuberLoss: with d = |input - target|, 0.5 d^2 where d &lt; delta and
 * delta (d - 0.5 delta) elsewhere; quadratic near zero, linear (gradient +-delta) in the tails.
 */
public final class HuberLoss extends ElementwiseLoss {
    private final float delta;

    /** delta = 1 (where Huber equals PyTorch's SmoothL1Loss), mean reduction. */
    public HuberLoss() {
        this(1f);
    }

    public HuberLoss(float delta) {
        this(delta, Reduction.MEAN);
    }

    public HuberLoss(float delta, Reduction reduction) {
        super(reduction);
        if (!(delta > 0) || Float.isInfinite(delta)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    public float delta() {
        return delta;
    }

    /** With q = min(d, delta): 0.5 q^2 + delta (d - q), one formula for both pieces. */
    @Override
    Tensor perElement(Tensor input, Tensor target) {
        Tensor d = input.sub(target).abs();
        Tensor q = d.clamp(0f, delta);
        return q.mul(q).mul(0.5f).add(d.sub(q).mul(delta));
    }
}
