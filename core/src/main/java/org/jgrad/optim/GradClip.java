package org.jgrad.optim;

import org.jgrad.NoGrad;
import org.jgrad.Tensor;

/** Gradient clipping, as PyTorch's {@code clip_grad_norm_} and {@code clip_grad_value_}. */
public final class GradClip {
    private GradClip() {
    }

    /**
     * Scales all gradients together so their global L2 norm is at most {@code maxNorm}. Returns
     * the norm before clipping (reading it is the one synchronisation).
     */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2, false);
    }

    /** As {@link #clipGradNorm(Iterable, double, double, boolean)} without the non-finite check. */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    /**
     * PyTorch's {@code clip_grad_norm_}: the total {@code normType}-norm of all gradients (p > 0, or
     * {@link Double#POSITIVE_INFINITY} for the largest |g|) is computed, and when it exceeds
     * {@code maxNorm} every gradient is multiplied by maxNorm / (norm + 1e-6). As PyTorch, a NaN or
     * infinite norm makes every gradient NaN (or zero where finite, for an infinite norm), unless
     * {@code errorIfNonfinite}, which throws instead and leaves the gradients alone. Returns the norm.
     */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be > 0, got " + maxNorm);
        }
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: normType must be > 0 or infinity, got " + normType);
        }
        try (NoGrad ignored = NoGrad.enter()) {
            double norm = totalNorm(params, normType);
            if (errorIfNonfinite && !Double.isFinite(norm)) {
                throw new ArithmeticException("clipGradNorm: the total " + normType + "-norm of the gradients is " + norm
                        + "; gradients left unchanged (errorIfNonfinite)");
            }
            if (!(norm <= maxNorm)) {
                float scale = (float) (maxNorm / (norm + 1e-6));
                for (Tensor p : params) {
                    if (p.grad() != null) {
                        p.setGrad(p.grad().mul(scale));
                    }
                }
            }
            return norm;
        }
    }

    /** The normType-norm of all gradients together; 0 when there are none. */
    private static double totalNorm(Iterable<Tensor> params, double normType) {
        boolean infinity = normType == Double.POSITIVE_INFINITY;
        Tensor total = null;
        for (Tensor p : params) {
            if (p.grad() != null) {
                Tensor magnitude = p.grad().abs();
                Tensor part = infinity ? magnitude.max() : normType == 2 ? magnitude.mul(magnitude).sum()
                        : magnitude.pow((float) normType).sum();
                total = total == null ? part : infinity ? total.maximum(part) : total.add(part);
            }
        }
        if (total == null) {
            return 0;
        }
        double value = total.item();
        return infinity ? value : Math.pow(value, 1 / normType);
    }

    /** Clamps every gradient element to [-limit, limit]. */
    public static void clipGradValue(Iterable<Tensor> params, double limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("clipGradValue: limit must be > 0, got " + limit);
        }
        try (NoGrad ignored = NoGrad.enter()) {
            for (Tensor p : params) {
                if (p.grad() != null) {
                    p.setGrad(p.grad().clamp((float) -limit, (float) limit));
                }
            }
        }
    }
}
