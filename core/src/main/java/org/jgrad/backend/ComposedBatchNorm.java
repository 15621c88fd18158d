package org.jgrad.backend;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;

/**
 * {@link Backend#batchNormForward} and {@link Backend#batchNormBackward} composed from reduce,
 * binary and unary: the SPI's defaults, and the definition of the arithmetic a fused kernel keeps.
 * A channel's sum of a tensor t viewed as (N, C, L) is {@code reduce}'s sum of each row (n, c)
 * over L, then the sum of those over n = 0, 1, ... in order; a mean is that sum times the float
 * 1 / M (M = N * L). The variance is the mean of centered * centered (two passes, as PyTorch).
 */
final class ComposedBatchNorm {
    /** x viewed as (batch, channels, spatial). */
    record Sizes(int batch, int channels, int spatial) {
        Sizes {
            if (batch < 1 || channels < 1 || spatial < 1) {
                throw new IllegalArgumentException("batchNorm: expected batch, channels and spatial sizes >= 1, got ("
                        + batch + ", " + channels + ", " + spatial + ")");
            }
        }

        int count() {
            return batch * spatial;
        }

        int length() {
            return batch * channels * spatial;
        }

        /** Fails, naming the buffer, unless each non-null one holds length() (whole) or channels elements. */
        void requireLengths(String op, String[] names, Buffer[] buffers, int wholeCount) {
            for (int i = 0; i < buffers.length; i++) {
                int expected = i < wholeCount ? length() : channels;
                if (buffers[i] != null && buffers[i].length() != expected) {
                    throw new IllegalArgumentException(op + ": " + names[i] + " has " + buffers[i].length()
                            + " elements, expected " + expected + " for (batch, channels, spatial) = (" + batch + ", "
                            + channels + ", " + spatial + ")");
                }
            }
        }
    }

    private ComposedBatchNorm() {
    }

    static void forward(Backend backend, Sizes s, float eps, Buffer x, Buffer weight, Buffer bias, Buffer centered,
                        Buffer out, Buffer mean, Buffer variance, Buffer invStd, Buffer scale) {
        s.requireLengths("batchNormForward", new String[] {"x", "centered", "out", "weight", "bias", "mean", "variance",
            "invStd", "scale"}, new Buffer[] {x, centered, out, weight, bias, mean, variance, invStd, scale}, 3);
        try (Steps steps = new Steps(backend, s)) {
            steps.channelMean(x, mean);
            steps.wholeByChannel(BinaryOp.SUB, x, mean, centered);
            Buffer squares = steps.temporary(s.length());
            steps.whole(BinaryOp.MUL, centered, centered, squares);
            steps.channelMean(squares, variance);
            Buffer shifted = steps.temporary(s.channels());
            steps.channels(BinaryOp.ADD, variance, steps.scalar(eps), shifted);
            Buffer root = steps.temporary(s.channels());
            backend.unary(UnaryOp.SQRT, 0f, shifted, root);
            steps.channels(BinaryOp.DIV, steps.scalar(1f), root, invStd);
            if (weight == null) {
                backend.copy(new int[] {s.channels()}, invStd, 0, new int[] {1}, scale, 0, new int[] {1});
            } else {
                steps.channels(BinaryOp.MUL, invStd, weight, scale);
            }
            if (bias == null) {
                steps.wholeByChannel(BinaryOp.MUL, centered, scale, out);
            } else {
                Buffer scaled = steps.temporary(s.length());
                steps.wholeByChannel(BinaryOp.MUL, centered, scale, scaled);
                steps.wholeByChannel(BinaryOp.ADD, scaled, bias, out);
            }
        }
    }

    static void backward(Backend backend, Sizes s, Buffer grad, Buffer centered, Buffer invStd, Buffer scale,
                         Buffer gradInput, Buffer gradWeight, Buffer gradBias) {
        s.requireLengths("batchNormBackward", new String[] {"grad", "centered", "gradInput", "invStd", "scale",
            "gradWeight", "gradBias"}, new Buffer[] {grad, centered, gradInput, invStd, scale, gradWeight, gradBias}, 3);
        try (Steps steps = new Steps(backend, s)) {
            Buffer gradSum = steps.temporary(s.channels());
            steps.channelSum(grad, gradSum);
            Buffer products = steps.temporary(s.length());
            steps.whole(BinaryOp.MUL, grad, centered, products);
            Buffer productSum = steps.temporary(s.channels());
            steps.channelSum(products, productSum);
            if (gradInput != null) {
                Buffer perCount = steps.scalar(-1f / s.count());
                // k = ((scale * invStd) * (invStd * productSum)) * perCount; c0 = (scale * gradSum) * perCount
                Buffer k = steps.channelProduct(steps.channelProduct(steps.channelProduct(scale, invStd),
                        steps.channelProduct(invStd, productSum)), perCount);
                Buffer c0 = steps.channelProduct(steps.channelProduct(scale, gradSum), perCount);
                Buffer first = steps.temporary(s.length());
                steps.wholeByChannel(BinaryOp.MUL, grad, scale, first);
                steps.wholeByChannel(BinaryOp.MUL, centered, k, products);
                Buffer sum = steps.temporary(s.length());
                steps.whole(BinaryOp.ADD, first, products, sum);
                steps.wholeByChannel(BinaryOp.ADD, sum, c0, gradInput);
            }
            if (gradWeight != null) {
                steps.channels(BinaryOp.MUL, productSum, invStd, gradWeight);
            }
            if (gradBias != null) {
                backend.copy(new int[] {s.channels()}, gradSum, 0, new int[] {1}, gradBias, 0, new int[] {1});
            }
        }
    }

    /** The binary and reduce calls on (N, C, L) and (C) shapes, and the temporaries they need, freed at the end. */
    private static final class Steps implements AutoCloseable {
        private static final int[] DENSE = {1};
        private static final int[] SCALAR = {0};
        private final Backend backend;
        private final Sizes s;
        private final int[] shape;
        private final int[] dense;
        private final int[] byChannel = {0, 1, 0};
        private final List<Buffer> temporaries = new ArrayList<>();

        Steps(Backend backend, Sizes s) {
            this.backend = backend;
            this.s = s;
            shape = new int[] {s.batch(), s.channels(), s.spatial()};
            dense = new int[] {s.channels() * s.spatial(), s.spatial(), 1};
        }

        Buffer temporary(int length) {
            Buffer b = backend.allocateUninitialized(DType.FLOAT32, length);
            temporaries.add(b);
            return b;
        }

        Buffer scalar(float value) {
            Buffer b = temporary(1);
            backend.fill(b, value);
            return b;
        }

        /** out = op(a, b), all (N, C, L). */
        void whole(BinaryOp op, Buffer a, Buffer b, Buffer out) {
            backend.binary(op, shape, a, dense, b, dense, out);
        }

        /** out = op(a, b) with a (N, C, L) and b (C). */
        void wholeByChannel(BinaryOp op, Buffer a, Buffer b, Buffer out) {
            backend.binary(op, shape, a, dense, b, byChannel, out);
        }

        /** out = op(a, b) on (C), a one-element buffer broadcast. */
        void channels(BinaryOp op, Buffer a, Buffer b, Buffer out) {
            int[] channels = {s.channels()};
            backend.binary(op, channels, a, a.length() == 1 ? SCALAR : DENSE, b, b.length() == 1 ? SCALAR : DENSE, out);
        }

        Buffer channelProduct(Buffer a, Buffer b) {
            Buffer out = temporary(s.channels());
            channels(BinaryOp.MUL, a, b, out);
            return out;
        }

        /** out (C) = the sum over n of reduce's row sums of t (N, C, L). */
        void channelSum(Buffer t, Buffer out) {
            Buffer rows = temporary(s.batch() * s.channels());
            backend.reduce(ReduceOp.SUM, t, s.batch() * s.channels(), s.spatial(), 1, rows);
            backend.reduce(ReduceOp.SUM, rows, 1, s.batch(), s.channels(), out);
        }

        void channelMean(Buffer t, Buffer out) {
            Buffer sum = temporary(s.channels());
            channelSum(t, sum);
            channels(BinaryOp.MUL, sum, scalar(1f / s.count()), out);
        }

        @Override
        public void close() {
            temporaries.forEach(backend::free);
        }
    }
}
