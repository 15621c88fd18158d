package org.jgrad.optim;

import org.jgrad.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), PyTorch's {@code torch.optim.AdamW}:
 * the weights shrink by lr * weightDecay each step, apart from the gradient. Default decay 0.01.
 */
public final class AdamW extends Adam {
    public AdamW(Iterable<Tensor> params, double lr) {
        super(params, lr, true, 0.01);
    }
}
