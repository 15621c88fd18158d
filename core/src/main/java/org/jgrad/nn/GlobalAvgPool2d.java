package org.jgrad.nn;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Mean over each whole feature map: (N, C, H, W) to (N, C), as Keras's GlobalAveragePooling2D,
 * or to (N, C, 1, 1) with {@code keepDims}, as PyTorch's {@code nn.AdaptiveAvgPool2d(1)}.
 */
public class GlobalAvgPool2d extends Module {
    private static final int[] SPATIAL = {2, 3};
    private final boolean keepDims;

    public GlobalAvgPool2d() {
        this(false);
    }

    public GlobalAvgPool2d(boolean keepDims) {
        this.keepDims = keepDims;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("GlobalAvgPool2d: expected input (N, C, H, W), got "
                    + Shape.toString(input.shape()));
        }
        return input.mean(SPATIAL, keepDims);
    }

    @Override
    protected String extraRepr() {
        return "keep_dims=" + keepDims;
    }
}
