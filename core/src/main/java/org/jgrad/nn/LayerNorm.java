package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * Layer normalisation over the trailing {@code normalizedShape} dimensions of each sample, as
 * PyTorch's {@code nn.LayerNorm}: (x - mean) / sqrt(biased var + eps), then, with elementwise
 * affine, times weight (ones at start) plus bias (zeros), both of shape normalizedShape. The same
 * in training and eval.
 */
public class LayerNorm extends Module {
    public static final double DEFAULT_EPS = 1e-5;

    private final int[] normalizedShape;
    private final float eps;
    private final boolean affine;

    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, DEFAULT_EPS, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(s -> s < 1) || !(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: need a non-empty normalized shape of sizes >= 1 and eps > 0,"
                    + " got " + Shape.toString(normalizedShape) + " and " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = (float) eps;
        this.affine = elementwiseAffine;
        if (affine) {
            registerParameter("weight", Tensors.ones(normalizedShape));
            registerParameter("bias", Tensors.zeros(normalizedShape));
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        int k = normalizedShape.length;
        if (shape.length < k || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length), normalizedShape)) {
            throw new IllegalArgumentException("LayerNorm" + Shape.toString(normalizedShape) + ": input of shape "
                    + Shape.toString(shape) + " does not end in " + Shape.toString(normalizedShape));
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = shape.length - k + i;
        }
        Tensor centered = input.sub(input.mean(dims, true));
        Tensor normalized = centered.div(centered.mul(centered).mean(dims, true).add(eps).sqrt());
        return affine ? normalized.mul(parameter("weight")).add(parameter("bias")) : normalized;
    }

    @Override
    protected String extraRepr() {
        return Shape.toString(normalizedShape) + ", eps=" + eps + ", elementwise_affine=" + affine;
    }
}
