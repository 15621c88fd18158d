package org.jgrad.backend;

/**
 * Hyper-parameters of one fused SGD update, PyTorch's semantics: with weight decay wd,
 * g = grad + wd * p; with momentum mu, buf = g on the first step, else mu * buf + (1 - dampening) * g;
 * the step direction is g + mu * buf (Nesterov) or buf; p -= lr * direction.
 */
public record SgdConfig(float lr, float momentum, float dampening, float weightDecay, boolean nesterov) {
    public SgdConfig {
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov needs momentum > 0 and dampening 0, got momentum="
                    + momentum + " dampening=" + dampening);
        }
    }
}
