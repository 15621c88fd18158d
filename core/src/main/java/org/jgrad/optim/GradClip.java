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
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be > 0, got " + maxNorm);
        }
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor squares = null;
            for (Tensor p : params) {
                if (p.grad() != null) {
                    Tensor s = p.grad().mul(p.grad()).sum();
                    squares = squares == null ? s : squares.add(s);
                }
            }
            if (squares == null) {
                return 0;
            }
            double norm = Math.sqrt(squares.item());
            if (norm > maxNorm) {
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
