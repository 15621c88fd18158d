package org.jgrad.cpu;

import org.jgrad.backend.Buffer;

/**
 * Training-mode batch normalisation in a few passes over x viewed as (batch, channels, spatial):
 * forward reads x for the row sums, then writes centered while summing its squares a row at a
 * time through an L1-resident scratch row, then writes the output (3 passes where the composed
 * default makes 6 and allocates 2 more (N, C, L) arrays); backward sums grad and grad * centered
 * in one pass and writes the input gradient in a second (the default: 7). Every value is the
 * default's arithmetic ({@code ComposedBatchNorm} in core) on this backend: rows summed by
 * {@link FixedOrderSum} as {@link Reductions} does, then channels over n in order (or, with one
 * channel, FixedOrderSum again: reduce's row case), the same float operations in the same order,
 * so the bits are the default's on both kernel paths and any thread count. Threads take rows.
 */
final class FusedBatchNorm {
    /** Elements below which splitting across threads costs more than it saves. */
    private static final int GRAIN = 1 << 14;
    private static final boolean VECTOR = VectorSupport.enabled();

    private FusedBatchNorm() {
    }

    static void forward(int batch, int channels, int spatial, float eps, Buffer xBuffer, Buffer weightBuffer,
                        Buffer biasBuffer, Buffer centeredBuffer, Buffer outBuffer, Buffer meanBuffer,
                        Buffer varianceBuffer, Buffer invStdBuffer, Buffer scaleBuffer) {
        Sizes n = new Sizes("batchNormForward", batch, channels, spatial);
        float[] x = n.whole("x", xBuffer);
        float[] weight = weightBuffer == null ? null : n.perChannel("weight", weightBuffer);
        float[] bias = biasBuffer == null ? null : n.perChannel("bias", biasBuffer);
        float[] centered = n.whole("centered", centeredBuffer);
        float[] out = n.whole("out", outBuffer);
        float[] mean = n.perChannel("mean", meanBuffer);
        float[] variance = n.perChannel("variance", varianceBuffer);
        float[] invStd = n.perChannel("invStd", invStdBuffer);
        float[] scale = n.perChannel("scale", scaleBuffer);
        float[] rowSums = new float[batch * channels];
        forRows(batch * channels, spatial, (from, to) -> {
            for (int r = from; r < to; r++) {
                rowSums[r] = FixedOrderSum.sum(x, r * spatial, spatial);
            }
        });
        float perCount = 1f / (batch * spatial);
        channelTotals(rowSums, batch, channels, perCount, mean);
        forRows(batch * channels, spatial, (from, to) -> {
            float[] squares = new float[spatial];
            for (int r = from; r < to; r++) {
                float m = mean[r % channels];
                int base = r * spatial;
                int i = VECTOR ? VectorBatchNorm.center(x, base, m, centered, squares, spatial) : 0;
                for (; i < spatial; i++) {
                    float d = x[base + i] - m;
                    centered[base + i] = d;
                    squares[i] = d * d;
                }
                rowSums[r] = FixedOrderSum.sum(squares, 0, spatial);
            }
        });
        channelTotals(rowSums, batch, channels, perCount, variance);
        for (int c = 0; c < channels; c++) {
            invStd[c] = 1f / (float) Math.sqrt(variance[c] + eps);
            scale[c] = weight == null ? invStd[c] : invStd[c] * weight[c];
        }
        forRows(batch * channels, spatial, (from, to) -> {
            for (int r = from; r < to; r++) {
                float s = scale[r % channels];
                int base = r * spatial;
                int end = base + spatial;
                if (bias == null) {
                    for (int i = VECTOR ? VectorBatchNorm.scale(centered, s, out, base, end) : base; i < end; i++) {
                        out[i] = centered[i] * s;
                    }
                } else {
                    float b = bias[r % channels];
                    int i = VECTOR ? VectorBatchNorm.scaleAndShift(centered, s, b, out, base, end) : base;
                    for (; i < end; i++) {
                        out[i] = centered[i] * s + b;
                    }
                }
            }
        });
    }

    /** Either of gradInput, gradWeight and gradBias may be null (not wanted). */
    static void backward(int batch, int channels, int spatial, Buffer gradBuffer, Buffer centeredBuffer,
                         Buffer invStdBuffer, Buffer scaleBuffer, Buffer gradInputBuffer, Buffer gradWeightBuffer,
                         Buffer gradBiasBuffer) {
        Sizes n = new Sizes("batchNormBackward", batch, channels, spatial);
        float[] grad = n.whole("grad", gradBuffer);
        float[] centered = n.whole("centered", centeredBuffer);
        float[] invStd = n.perChannel("invStd", invStdBuffer);
        float[] scale = n.perChannel("scale", scaleBuffer);
        float[] gradInput = gradInputBuffer == null ? null : n.whole("gradInput", gradInputBuffer);
        float[] gradWeight = gradWeightBuffer == null ? null : n.perChannel("gradWeight", gradWeightBuffer);
        float[] gradBias = gradBiasBuffer == null ? null : n.perChannel("gradBias", gradBiasBuffer);
        float[] gradRows = new float[batch * channels];
        float[] productRows = new float[batch * channels];
        forRows(batch * channels, spatial, (from, to) -> {
            float[] products = new float[spatial];
            for (int r = from; r < to; r++) {
                int base = r * spatial;
                int i = VECTOR ? VectorBatchNorm.products(grad, centered, base, products, spatial) : 0;
                for (; i < spatial; i++) {
                    products[i] = grad[base + i] * centered[base + i];
                }
                gradRows[r] = FixedOrderSum.sum(grad, base, spatial);
                productRows[r] = FixedOrderSum.sum(products, 0, spatial);
            }
        });
        float[] gradSum = new float[channels];
        float[] productSum = new float[channels];
        channelTotals(gradRows, batch, channels, 1f, gradSum);
        channelTotals(productRows, batch, channels, 1f, productSum);
        if (gradInput != null) {
            float perCount = -1f / (batch * spatial);
            float[] k = new float[channels];
            float[] c0 = new float[channels];
            for (int c = 0; c < channels; c++) {
                k[c] = scale[c] * invStd[c] * (invStd[c] * productSum[c]) * perCount;
                c0[c] = scale[c] * gradSum[c] * perCount;
            }
            forRows(batch * channels, spatial, (from, to) -> {
                for (int r = from; r < to; r++) {
                    float s = scale[r % channels];
                    float kc = k[r % channels];
                    float c0c = c0[r % channels];
                    int end = (r + 1) * spatial;
                    int i = VECTOR ? VectorBatchNorm.inputGradient(grad, centered, s, kc, c0c, gradInput, r * spatial, end)
                            : r * spatial;
                    for (; i < end; i++) {
                        gradInput[i] = grad[i] * s + centered[i] * kc + c0c;
                    }
                }
            });
        }
        for (int c = 0; c < channels; c++) {
            if (gradWeight != null) {
                gradWeight[c] = productSum[c] * invStd[c];
            }
            if (gradBias != null) {
                gradBias[c] = gradSum[c];
            }
        }
    }

    /**
     * totals[c] = (sum over n of rowSums[n * channels + c]) * factor, the sum as the CPU reduce
     * computes it over dimension 0 of (batch, channels): in order of n, or with FixedOrderSum
     * when channels is 1 (a single row); times 1 is exact.
     */
    private static void channelTotals(float[] rowSums, int batch, int channels, float factor, float[] totals) {
        if (channels == 1) {
            totals[0] = FixedOrderSum.sum(rowSums, 0, batch) * factor;
            return;
        }
        for (int c = 0; c < channels; c++) {
            float sum = rowSums[c];
            for (int n = 1; n < batch; n++) {
                sum += rowSums[n * channels + c];
            }
            totals[c] = sum * factor;
        }
    }

    /** The sizes, checked, and each buffer's floats checked against them. */
    private record Sizes(String op, int batch, int channels, int spatial) {
        Sizes {
            if (batch < 1 || channels < 1 || spatial < 1 || (long) batch * channels * spatial > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(op + ": expected (batch, channels, spatial) >= 1 and at most 2^31 - 1"
                        + " elements, got (" + batch + ", " + channels + ", " + spatial + ")");
            }
        }

        float[] whole(String name, Buffer b) {
            Strides.checkLength(op, name, b.length(), "(batch, channels, spatial) needs", batch * channels * spatial);
            return CpuBuffer.of(b).floats();
        }

        float[] perChannel(String name, Buffer b) {
            Strides.checkLength(op, name, b.length(), "channels are", channels);
            return CpuBuffer.of(b).floats();
        }
    }

    private static void forRows(int rows, int spatial, Parallel.RangeBody body) {
        Parallel.forRange(rows, Math.max(1, GRAIN / spatial), body);
    }
}
