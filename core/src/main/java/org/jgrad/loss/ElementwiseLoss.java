package org.jgrad.loss;

import org.jgrad.Tensor;

/** A loss of a per-element function of input and target (same shape, FLOAT32), then reduced. */
abstract class ElementwiseLoss implements Loss {
    private final Reduction reduction;

    ElementwiseLoss(Reduction reduction) {
        this.reduction = LossChecks.requireReduction(getClass().getSimpleName(), reduction);
    }

    /** The unreduced loss of each element. */
    abstract Tensor perElement(Tensor input, Tensor target);

    @Override
    public Tensor apply(Tensor input, Tensor target) {
        LossChecks.requireSameShape(getClass().getSimpleName(), input, target);
        return reduction.reduce(perElement(input, target));
    }

    public Reduction reduction() {
        return reduction;
    }
}
