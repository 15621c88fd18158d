package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;

/**
 * Batch normalisation with batch statistics (training mode) as one autograd node: over every
 * dimension except 1 (channels), y = (x - mean) * s * weight + bias with s = 1 / sqrt(var + eps)
 * and the biased variance. Built from the SPI's reduce and binary primitives, it makes 6 passes
 * over x forward and 7 backward, about half of what the formula written as separate ops costs with
 * their gradient bookkeeping (broadcast sums, accumulation). Backward is the closed form (PyTorch's
 * batch_norm_backward), with xc = x - mean and M values per channel:
 * db = sum(g), dw = s * sum(g * xc), dx = weight * s * (g - db / M - xc * s * sum(g * xc) / M).
 */
public final class BatchNormalization extends Function {
    private static final String NAME = "batchNorm";

    /** The output and the batch's mean and biased variance, each of shape (C). */
    public record Result(Tensor output, Tensor mean, Tensor variance) {
    }

    private final int[] inputShape;
    private final boolean affine;

    private BatchNormalization(int[] inputShape, boolean affine) {
        this.inputShape = inputShape;
        this.affine = affine;
    }

    /**
     * Normalises x (N, C, ...) with its own statistics; weight and bias (C) are both given or both
     * null. The caller checks that each channel has more than one value.
     */
    public static Result training(Tensor x, Tensor weight, Tensor bias, float eps) {
        Kernels.requireFloat(NAME, x);
        int[] shape = x.shape();
        if (shape.length < 2 || (weight == null) != (bias == null)) {
            throw new IllegalArgumentException(NAME + ": expected input (N, C, ...) and weight and bias both given or"
                    + " both null, got input " + Shape.toString(shape));
        }
        int channels = shape[1];
        Tensor x3 = view(x, channelView(shape));
        Tensor mean = perChannelMean(x3);
        Tensor centered = Kernels.binary(NAME, BinaryOp.SUB, x3, mean);
        Tensor squares = Kernels.binary(NAME, BinaryOp.MUL, centered, centered);
        Tensor variance = perChannelMean(squares);
        squares.close();
        Tensor invStd = Kernels.binary(NAME, BinaryOp.DIV, Tensors.scalarLike(x, 1f),
                Kernels.unary(UnaryOp.SQRT, 0f, Kernels.binary(NAME, BinaryOp.ADD, variance, Tensors.scalarLike(x, eps))));
        Tensor scale = weight == null ? invStd
                : Kernels.binary(NAME, BinaryOp.MUL, invStd, view(weight, 1, channels, 1));
        Tensor y = Kernels.binary(NAME, BinaryOp.MUL, centered, scale);
        if (bias != null) {
            Tensor scaled = y;
            y = Kernels.binary(NAME, BinaryOp.ADD, scaled, view(bias, 1, channels, 1));
            scaled.close();
        }
        BatchNormalization fn = new BatchNormalization(shape, weight != null);
        fn.save(centered, invStd, scale);
        Tensor out = record(fn, view(y, shape), weight == null ? new Tensor[] {x} : new Tensor[] {x, weight, bias});
        return new Result(out, view(mean, channels), view(variance, channels));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor centered = saved(0);
        Tensor invStd = saved(1);
        Tensor scale = saved(2);
        int channels = inputShape[1];
        Tensor g3 = view(g, channelView(inputShape));
        Tensor gradBias = perChannelSum(g3);
        Tensor gTimesCentered = Kernels.binary(NAME, BinaryOp.MUL, g3, centered);
        Tensor sumGTimesCentered = perChannelSum(gTimesCentered);
        gTimesCentered.close();
        Tensor dx = null;
        if (needsGrad(0)) {
            // dx = g * scale + xc * k + c0 with per-channel k = -scale * s^2 * sum(g * xc) / M, c0 = -scale * db / M
            Tensor perCount = Tensors.scalarLike(g, -1f / perChannelCount(inputShape));
            Tensor k = mul(mul(mul(scale, invStd), mul(invStd, sumGTimesCentered)), perCount);
            Tensor c0 = mul(mul(scale, gradBias), perCount);
            Tensor first = mul(g3, scale);
            Tensor second = mul(centered, k);
            Tensor sum = Kernels.binary(NAME, BinaryOp.ADD, first, second);
            first.close();
            second.close();
            dx = view(Kernels.binary(NAME, BinaryOp.ADD, sum, c0), inputShape);
            sum.close();
        }
        if (!affine) {
            return new Tensor[] {dx};
        }
        Tensor gradWeight = view(mul(sumGTimesCentered, invStd), channels);
        return new Tensor[] {dx, gradWeight, view(gradBias, channels)};
    }

    private static Tensor mul(Tensor a, Tensor b) {
        return Kernels.binary(NAME, BinaryOp.MUL, a, b);
    }

    /** (N, C, rest) for an (N, C, ...) shape. */
    private static int[] channelView(int[] shape) {
        return new int[] {shape[0], shape[1], Shape.product(shape, 2, shape.length)};
    }

    private static int perChannelCount(int[] shape) {
        return shape[0] * Shape.product(shape, 2, shape.length);
    }

    /** Sum over dimensions 0 and 2 of an (N, C, L) tensor, shape (1, C, 1). */
    private static Tensor perChannelSum(Tensor t) {
        Tensor rows = Kernels.reduce(ReduceOp.SUM, t, 2);
        Tensor sum = Kernels.reduce(ReduceOp.SUM, rows, 0);
        rows.close();
        return sum;
    }

    private static Tensor perChannelMean(Tensor t) {
        Tensor sum = perChannelSum(t);
        Tensor mean = mul(sum, Tensors.scalarLike(t, 1f / perChannelCount(t.shape())));
        sum.close();
        return mean;
    }
}
