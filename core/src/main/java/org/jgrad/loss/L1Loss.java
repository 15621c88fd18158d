package org.jgrad.loss;

import org.jgrad.Tensor;

/** Absolute error |input - target| per element, reduced (mean by default), as PyTorch's L1Loss. */
public final class L1Loss extends ElementwiseLoss {
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    Tensor perElement(Tensor input, Tensor target) {
        return input.sub(target).abs();
    }
}
