package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.ops.BatchNormalization;

/**
 * Batch normalisation over dimension 1 (channels), as PyTorch's {@code nn.BatchNorm*d}. In
 * training it normalises with the batch mean and biased variance over every other dimension and
 * updates the running statistics in place, running = (1 - momentum) * running + momentum * batch,
 * with the unbiased variance for {@code running_var}; in eval mode it uses the running statistics.
 * Affine: y = x_hat * weight + bias, weight starting at ones and bias at zeros. The buffer
 * {@code num_batches_tracked} (an INT32 scalar; PyTorch's is int64, and checkpoints write it as
 * I64) counts training batches, as PyTorch's does, so state dicts load strictly both ways; jgrad
 * always has a momentum, so the count does not change the update. It is exact up to 2^24 batches
 * (the increment runs in FLOAT32 on every backend).
 */
public abstract class BatchNorm extends Module {
    public static final double DEFAULT_EPS = 1e-5;
    public static final double DEFAULT_MOMENTUM = 0.1;

    private final int numFeatures;
    private final float eps;
    private final float momentum;
    private final boolean affine;

    protected BatchNorm(int numFeatures, double eps, double momentum, boolean affine) {
        if (numFeatures < 1 || !(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": need numFeatures >= 1, eps > 0 and momentum"
                    + " in [0, 1], got " + numFeatures + ", " + eps + ", " + momentum);
        }
        this.numFeatures = numFeatures;
        this.eps = (float) eps;
        this.momentum = (float) momentum;
        this.affine = affine;
        if (affine) {
            registerParameter("weight", Tensors.ones(numFeatures));
            registerParameter("bias", Tensors.zeros(numFeatures));
        }
        registerBuffer("running_mean", Tensors.zeros(numFeatures));
        registerBuffer("running_var", Tensors.ones(numFeatures));
        registerBuffer("num_batches_tracked", Tensors.zeros(Backends.getDefault(), DType.INT32));
    }

    /** Whether this layer accepts inputs of {@code rank} dimensions. */
    protected abstract boolean acceptsRank(int rank);

    /** The ranks accepted, for messages: "(N, C) or (N, C, L)". */
    protected abstract String expectedShape();

    @Override
    public Tensor forward(Tensor input) {
        if (!acceptsRank(input.dim()) || input.size(1) != numFeatures) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(" + numFeatures + "): expected input "
                    + expectedShape() + " with C = " + numFeatures + ", got " + Shape.toString(input.shape()));
        }
        int[] statShape = new int[input.dim()];
        Arrays.fill(statShape, 1);
        statShape[1] = numFeatures;
        if (isTraining()) {
            requireMoreThanOneValuePerChannel(input);
            BatchNormalization.Result result = BatchNormalization.training(input,
                    affine ? parameter("weight") : null, affine ? parameter("bias") : null, eps);
            updateRunningStats(input, result.mean(), result.variance());
            return result.output();
        }
        Tensor normalized = input.sub(buffer("running_mean").reshape(statShape))
                .div(buffer("running_var").reshape(statShape).add(eps).sqrt());
        if (!affine) {
            return normalized;
        }
        return normalized.mul(parameter("weight").reshape(statShape)).add(parameter("bias").reshape(statShape));
    }

    private void requireMoreThanOneValuePerChannel(Tensor input) {
        if (input.numel() / numFeatures < 2) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": expected more than 1 value per channel"
                    + " when training, got input " + Shape.toString(input.shape()));
        }
    }

    /** Blends the batch statistics into the running ones, in place, freeing the temporaries. */
    private void updateRunningStats(Tensor input, Tensor mean, Tensor variance) {
        int perChannel = input.numel() / numFeatures;
        try (Scope temporaries = Scope.open(); NoGrad noGrad = NoGrad.enter()) {
            blend("running_mean", mean.reshape(numFeatures));
            blend("running_var", variance.reshape(numFeatures).mul((float) perChannel / (perChannel - 1)));
            Tensor count = buffer("num_batches_tracked");
            InPlace.copy(count.add(1).toType(DType.INT32), count);
        }
    }

    private void blend(String name, Tensor batchValue) {
        Tensor running = buffer(name);
        InPlace.copy(running.mul(1 - momentum).add(batchValue.mul(momentum)), running);
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + eps + ", momentum=" + momentum + ", affine=" + affine;
    }
}
