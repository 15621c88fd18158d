package org.jgrad.conformance;

import org.jgrad.loss.Reduction;

/**
 * Float64 references of the class losses, following PyTorch's code path: scores laid out
 * (N, C, inner) row-major, labels (N, inner); NLL and the smoothing term are reduced separately
 * and then combined, as {@code cross_entropy_loss_label_smoothing} does.
 */
final class ClassLossReference {
    private final int samples;
    private final int classes;
    private final int inner;

    ClassLossReference(int[] scoresShape) {
        samples = scoresShape[0];
        classes = scoresShape[1];
        int rest = 1;
        for (int d = 2; d < scoresShape.length; d++) {
            rest *= scoresShape[d];
        }
        inner = rest;
    }

    int labelCount() {
        return samples * inner;
    }

    /** log softmax over the class dimension, with the max subtracted. */
    double[] logSoftmax(float[] logits) {
        return HostArray.of(logits, samples, classes, inner).mapLanes(1, NnReference::logSoftmax).data();
    }

    /**
     * (1 - eps) * nll + eps / C * smooth, each reduced on its own; MEAN divides both by the summed
     * weight of the counted targets. weight may be null (all ones).
     */
    double[] crossEntropy(double[] logp, int[] labels, double[] weight, int ignoreIndex, double eps,
            Reduction reduction) {
        double[] nll = new double[labelCount()];
        double[] smooth = new double[labelCount()];
        double weightSum = 0;
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < inner; i++) {
                int k = n * inner + i;
                int y = labels[k];
                if (y == ignoreIndex) {
                    continue;
                }
                double wy = weight == null ? 1 : weight[y];
                weightSum += wy;
                nll[k] = -wy * logp[at(n, y, i)];
                for (int c = 0; c < classes; c++) {
                    smooth[k] -= (weight == null ? 1 : weight[c]) * logp[at(n, c, i)];
                }
            }
        }
        double[] nllReduced = LossConformanceSupport.reduced(nll, reduction, weightSum);
        double[] smoothReduced = LossConformanceSupport.reduced(smooth, reduction, weightSum);
        double[] out = new double[nllReduced.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (1 - eps) * nllReduced[k] + eps / classes * smoothReduced[k];
        }
        return out;
    }

    /** -sum_c weight[c] * ((1 - eps) p[c] + eps / C) * logp[c] per sample; MEAN divides by N * inner. */
    double[] crossEntropyWithProbabilities(double[] logp, float[] probabilities, double[] weight, double eps,
            Reduction reduction) {
        double[] losses = new double[labelCount()];
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < inner; i++) {
                for (int c = 0; c < classes; c++) {
                    double p = (1 - eps) * probabilities[at(n, c, i)] + eps / classes;
                    losses[n * inner + i] -= (weight == null ? 1 : weight[c]) * p * logp[at(n, c, i)];
                }
            }
        }
        return LossConformanceSupport.reduced(losses, reduction);
    }

    int at(int n, int c, int i) {
        return (n * classes + c) * inner + i;
    }
}
