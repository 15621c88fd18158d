package org.jgrad.spark;

import java.io.Serializable;

/**
 * The messages of one step's exchange. A replica {@link Push}es its loss and flat gradient to the
 * driver's {@link GradientReducer}; each replica gets back the same {@link Sum}: the gradients
 * added in partition order and scaled by 1/W, or, when some worker's loss was not finite, that
 * worker's partition (then nobody applies the step).
 */
final class GradientMessage {
    private GradientMessage() {
    }

    /** Replica {@code partition}'s contribution to {@code step} of stage attempt ({@code stage}, {@code attempt}). */
    record Push(int stage, int attempt, long step, int partition, int workers, float loss, float[] gradients)
            implements Serializable {
    }

    /** The combined step; {@code badPartition} is -1 unless a loss was not finite. */
    record Sum(float[] gradients, double meanLoss, int badPartition, float badLoss) implements Serializable {
        boolean failed() {
            return badPartition >= 0;
        }
    }

    /** The bytes a replica sends and receives per step (the float payload, before Spark's framing). */
    static long bytes(long gradientLength) {
        return (gradientLength + 1) * Float.BYTES;
    }

    /**
     * Sums the gradients of {@code pushes} (indexed by partition) left to right and multiplies by
     * 1/W, exact when W is a power of two; the result is then bitwise the gradient one process
     * accumulates over the W batches in order (backward adds into the leaves) and scales by 1/W.
     */
    static Sum combine(Push[] pushes) {
        for (Push p : pushes) {
            if (!Float.isFinite(p.loss())) {
                return new Sum(null, Double.NaN, p.partition(), p.loss());
            }
        }
        int length = pushes[0].gradients().length;
        float[] sum = pushes[0].gradients().clone(); // a copy, not 0 + g: keeps the sign of zeros as one process does
        double loss = pushes[0].loss();
        for (int w = 1; w < pushes.length; w++) {
            float[] g = pushes[w].gradients();
            if (g.length != length) {
                throw new IllegalStateException("partition " + w + " sent " + g.length + " gradient values, partition 0 sent "
                        + length + ": the replicas do not build the same model");
            }
            for (int i = 0; i < length; i++) {
                sum[i] += g[i];
            }
            loss += pushes[w].loss();
        }
        float scale = 1.0f / pushes.length;
        for (int i = 0; i < length; i++) {
            sum[i] *= scale;
        }
        return new Sum(sum, loss / pushes.length, -1, 0f);
    }
}
