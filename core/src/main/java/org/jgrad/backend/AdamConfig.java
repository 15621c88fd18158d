package org.jgrad.backend;

/**
 * Hyper-parameters of one fused Adam/AdamW update, PyTorch's semantics. With decoupled weight
 * decay (AdamW) p *= 1 - lr * wd first; otherwise (Adam) g = grad + wd * p. Then
 * m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, vhat = max(vmax, v) with AMSGrad,
 * p -= lr / (1 - b1^t) * m / (sqrt(vhat / (1 - b2^t)) + eps).
 */
public record AdamConfig(float lr, float beta1, float beta2, float eps, float weightDecay,
                         boolean decoupledWeightDecay, boolean amsgrad) {
}
