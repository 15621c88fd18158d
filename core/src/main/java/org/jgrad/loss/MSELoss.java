package org.jgrad.loss;

import org.jgrad.Tensor;

/** Mean squared error: (input - target)^2 per element, reduced (mean by default), as PyTorch's MSELoss. */
public final class MSELoss extends ElementwiseLoss {
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    Tensor perElement(Tensor input, Tensor target) {
        Tensor diff = input.sub(target);
        return diff.mul(diff);
    }
}
