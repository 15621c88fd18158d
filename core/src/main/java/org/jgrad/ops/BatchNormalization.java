package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;

/**
 * Batch normalisation with batch statistics (training mode) as one autograd node: over every
 * dimension except 1 (channels), y = (x - mean) * s * weight + bias with s = 1 / sqrt(var + eps)
 * and the biased variance, through the backend's {@code batchNormForward} and
 * {@code batchNormBackward} primitives (composed from reduce and binary by default, fused passes
 * where the backend has them). Backward is the closed form (PyTorch's batch_norm_backward), with
 * xc = x - mean and M values per channel: db = sum(g), dw = s * sum(g * xc),
 * dx = weight * s * (g - db / M - xc * s * sum(g * xc) / M).
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
        Backend backend = x.backend();
        Tensor centered = Kernels.empty(backend, DType.FLOAT32, shape);
        Tensor y = Kernels.empty(backend, DType.FLOAT32, shape);
        Tensor mean = perChannel(backend, channels);
        Tensor variance = perChannel(backend, channels);
        Tensor invStd = perChannel(backend, channels);
        Tensor scale = perChannel(backend, channels);
        backend.batchNormForward(shape[0], channels, Shape.product(shape, 2, shape.length), eps, buffer(x),
                weight == null ? null : buffer(weight), bias == null ? null : buffer(bias), buffer(centered), buffer(y),
                buffer(mean), buffer(variance), buffer(invStd), buffer(scale));
        BatchNormalization fn = new BatchNormalization(shape, weight != null);
        fn.save(centered, invStd, scale);
        Tensor out = record(fn, y, weight == null ? new Tensor[] {x} : new Tensor[] {x, weight, bias});
        return new Result(out, mean, variance);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor centered = saved(0);
        Tensor invStd = saved(1);
        Tensor scale = saved(2);
        Backend backend = g.backend();
        int channels = inputShape[1];
        Tensor dx = needsGrad(0) ? Kernels.empty(backend, DType.FLOAT32, inputShape) : null;
        Tensor gradWeight = affine ? perChannel(backend, channels) : null;
        Tensor gradBias = affine ? perChannel(backend, channels) : null;
        backend.batchNormBackward(inputShape[0], channels, Shape.product(inputShape, 2, inputShape.length), buffer(g),
                buffer(centered), buffer(invStd), buffer(scale), dx == null ? null : buffer(dx),
                gradWeight == null ? null : buffer(gradWeight), gradBias == null ? null : buffer(gradBias));
        return affine ? new Tensor[] {dx, gradWeight, gradBias} : new Tensor[] {dx};
    }

    private static Tensor perChannel(Backend backend, int channels) {
        return Kernels.empty(backend, DType.FLOAT32, new int[] {channels});
    }
}
