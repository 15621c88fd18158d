package org.jgrad.conformance;

/**
 * Float64 re-implementations of PyTorch's optimizer algorithms (torch.optim docs, "Algorithm"
 * boxes), written independently of jgrad's kernels, for the optimizer conformance tests.
 * Each {@code step} updates {@code p} in place from gradient {@code g}; t counts from 1.
 */
final class OptimizerReference {
    private OptimizerReference() {
    }

    interface Rule {
        void step(double[] p, double[] g, int t);
    }

    static Rule sgd(double lr, double momentum, double dampening, double wd, boolean nesterov) {
        double[][] buf = new double[1][];
        return (p, g, t) -> {
            allocate(buf, p.length);
            for (int i = 0; i < p.length; i++) {
                double d = g[i] + wd * p[i];
                if (momentum != 0) {
                    buf[0][i] = t == 1 ? d : momentum * buf[0][i] + (1 - dampening) * d;
                    d = nesterov ? d + momentum * buf[0][i] : buf[0][i];
                }
                p[i] -= lr * d;
            }
        };
    }

    static Rule adam(double lr, double b1, double b2, double eps, double wd, boolean decoupled, boolean amsgrad) {
        double[][] s = new double[3][];
        return (p, g, t) -> {
            allocate(s, p.length);
            for (int i = 0; i < p.length; i++) {
                double d = g[i];
                if (decoupled) {
                    p[i] *= 1 - lr * wd;
                } else {
                    d += wd * p[i];
                }
                s[0][i] = b1 * s[0][i] + (1 - b1) * d;
                s[1][i] = b2 * s[1][i] + (1 - b2) * d * d;
                double v = s[1][i];
                if (amsgrad) {
                    s[2][i] = Math.max(s[2][i], v);
                    v = s[2][i];
                }
                double mHat = s[0][i] / (1 - Math.pow(b1, t));
                double vHat = v / (1 - Math.pow(b2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        };
    }

    static Rule rmsprop(double lr, double alpha, double eps, double wd, double momentum, boolean centered) {
        double[][] s = new double[3][];
        return (p, g, t) -> {
            allocate(s, p.length);
            for (int i = 0; i < p.length; i++) {
                double d = g[i] + wd * p[i];
                s[0][i] = alpha * s[0][i] + (1 - alpha) * d * d;
                double avg = s[0][i];
                if (centered) {
                    s[1][i] = alpha * s[1][i] + (1 - alpha) * d;
                    avg -= s[1][i] * s[1][i];
                }
                double denom = Math.sqrt(avg) + eps;
                if (momentum > 0) {
                    s[2][i] = momentum * s[2][i] + d / denom;
                    p[i] -= lr * s[2][i];
                } else {
                    p[i] -= lr * d / denom;
                }
            }
        };
    }

    static Rule adagrad(double lr, double lrDecay, double wd, double eps) {
        double[][] sum = new double[1][];
        return (p, g, t) -> {
            allocate(sum, p.length);
            double clr = lr / (1 + (t - 1) * lrDecay);
            for (int i = 0; i < p.length; i++) {
                double d = g[i] + wd * p[i];
                sum[0][i] += d * d;
                p[i] -= clr * d / (Math.sqrt(sum[0][i]) + eps);
            }
        };
    }

    /** Zero-filled state arrays of length n on the first step; a rule's state lives from one step to the next. */
    private static void allocate(double[][] state, int n) {
        if (state[0] == null) {
            for (int k = 0; k < state.length; k++) {
                state[k] = new double[n];
            }
        }
    }
}
