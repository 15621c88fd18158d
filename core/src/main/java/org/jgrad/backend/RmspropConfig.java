package org.jgrad.backend;

/**
 * Hyper-parameters of one fused RMSprop update, PyTorch's semantics: g = grad + wd * p;
 * v = alpha v + (1 - alpha) g^2; with centered, gAvg = alpha gAvg + (1 - alpha) g and
 * denom = sqrt(v - gAvg^2) + eps, else sqrt(v) + eps; with momentum mu, buf = mu buf + g / denom
 * and p -= lr buf, else p -= lr g / denom.
 */
public record RmspropConfig(float lr, float alpha, float eps, float weightDecay, float momentum, boolean centered) {
}
