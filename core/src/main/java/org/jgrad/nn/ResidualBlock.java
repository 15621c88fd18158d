package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * ResNet's basic block (torchvision's {@code BasicBlock}): conv3x3(stride) - BN - ReLU - conv3x3 -
 * BN, plus the shortcut, then ReLU. The shortcut is the input itself, or, when the stride is not 1
 * or the channel count changes, a projection {@code downsample} = 1x1 conv(stride) - BN. Convs have
 * no bias (BN follows); submodule names match torchvision's, so weights map one to one.
 */
public class ResidualBlock extends Module {
    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final Conv2d conv2;
    private final BatchNorm2d bn2;
    private final Sequential downsample;

    /** An identity block: same channels, stride 1. */
    public ResidualBlock(int channels) {
        this(channels, channels, 1);
    }

    public ResidualBlock(int inChannels, int outChannels, int stride) {
        conv1 = registerModule("conv1", new Conv2d(inChannels, outChannels, 3, stride, 1, 1, 1, false));
        bn1 = registerModule("bn1", new BatchNorm2d(outChannels));
        conv2 = registerModule("conv2", new Conv2d(outChannels, outChannels, 3, 1, 1, 1, 1, false));
        bn2 = registerModule("bn2", new BatchNorm2d(outChannels));
        downsample = stride != 1 || inChannels != outChannels
                ? registerModule("downsample", new Sequential(
                        new Conv2d(inChannels, outChannels, 1, stride, 0, 1, 1, false), new BatchNorm2d(outChannels)))
                : null;
    }

    /** Whether the shortcut is a projection rather than the identity. */
    public boolean hasProjection() {
        return downsample != null;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor out = invoke(bn1, invoke(conv1, input)).relu();
        out = invoke(bn2, invoke(conv2, out));
        Tensor shortcut = downsample == null ? input : invoke(downsample, input);
        return out.add(shortcut).relu();
    }
}
