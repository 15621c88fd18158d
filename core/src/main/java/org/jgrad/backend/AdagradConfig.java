package org.jgrad.backend;

/**
 * Hyper-parameters of one fused Adagrad update, PyTorch's semantics: g = grad + wd * p;
 * clr = lr / (1 + (step - 1) lrDecay); sum += g^2; p -= clr g / (sqrt(sum) + eps).
 */
public record AdagradConfig(float lr, float lrDecay, float weightDecay, float eps) {
}
