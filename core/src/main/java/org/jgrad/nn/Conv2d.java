package org.jgrad.nn;

import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.init.Init;

/**
 * 2-D convolution over NCHW batches, as PyTorch's {@code nn.Conv2d} with square kernel, stride,
 * padding and dilation: weight (out, in/groups, k, k), bias (out). Initialised as PyTorch does,
 * from {@link Generator#global()}: W and b uniform on +-1/sqrt(in/groups * k * k).
 */
public class Conv2d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;
    private final boolean hasBias;

    public Conv2d(int inChannels, int outChannels, int kernel) {
        this(inChannels, outChannels, kernel, 1, 0);
    }

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding) {
        this(inChannels, outChannels, kernel, stride, padding, 1, 1, true);
    }

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation, int groups,
                  boolean bias) {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0 || dilation < 1 || groups < 1) {
            throw new IllegalArgumentException("Conv2d: need channels, kernel, stride, dilation, groups >= 1 and padding"
                    + " >= 0, got in=" + inChannels + " out=" + outChannels + " kernel=" + kernel + " stride=" + stride
                    + " padding=" + padding + " dilation=" + dilation + " groups=" + groups);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: in_channels " + inChannels + " and out_channels " + outChannels
                    + " must both be divisible by groups " + groups);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        this.hasBias = bias;
        Tensor weight = registerParameter("weight", Tensors.zeros(outChannels, inChannels / groups, kernel, kernel));
        Tensor b = bias ? registerParameter("bias", Tensors.zeros(outChannels)) : null;
        Init.linearDefaults(weight, b, Generator.global());
    }

    public Tensor weight() {
        return parameter("weight");
    }

    /** The bias, or null for a layer made without one. */
    public Tensor bias() {
        return hasBias ? parameter("bias") : null;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 4 || input.size(1) != inChannels) {
            throw new IllegalArgumentException("Conv2d(" + inChannels + " -> " + outChannels + "): expected input (N, "
                    + inChannels + ", H, W), got " + Shape.toString(input.shape()));
        }
        return input.conv2d(weight(), bias(), stride, padding, dilation, groups);
    }

    @Override
    protected String extraRepr() {
        return inChannels + ", " + outChannels + ", kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding
                + (dilation != 1 ? ", dilation=" + dilation : "") + (groups != 1 ? ", groups=" + groups : "")
                + ", bias=" + hasBias;
    }
}
