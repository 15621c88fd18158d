package org.jgrad.nn;

import org.jgrad.Tensor;

/** Mean over square windows, as PyTorch's {@code nn.AvgPool2d}; padding counts as zeros (count_include_pad). */
public class AvgPool2d extends Pool2d {
    /** Non-overlapping windows: stride = kernel, no padding. */
    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public AvgPool2d(int kernel, int stride, int padding) {
        super(kernel, stride, padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        checkInput(input);
        return input.avgPool2d(kernel, stride, padding);
    }
}
