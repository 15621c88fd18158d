package org.jgrad.nn;

import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.init.Init;

/**
 * Fully connected layer, as PyTorch's {@code nn.Linear}: y = x W^T + b with weight (out, in) and
 * bias (out), applied to the last dimension of x (any leading dimensions). Initialised as PyTorch
 * does, from {@link Generator#global()}: W and b uniform on +-1/sqrt(in).
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final boolean hasBias;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("Linear: features must be >= 1, got in=" + inFeatures + " out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.hasBias = bias;
        Tensor weight = registerParameter("weight", Tensors.zeros(outFeatures, inFeatures));
        Tensor b = bias ? registerParameter("bias", Tensors.zeros(outFeatures)) : null;
        Init.linearDefaults(weight, b, Generator.global());
    }

    public Tensor weight() {
        return parameter("weight");
    }

    /** The bias, or null for a layer made without one. */
    public Tensor bias() {
        return hasBias ? parameter("bias") : null;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 1 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException("Linear(" + inFeatures + " -> " + outFeatures + "): input of shape "
                    + Shape.toString(input.shape()) + " does not end in " + inFeatures + " features");
        }
        return input.linear(weight(), bias());
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + hasBias;
    }
}
