package org.jgrad.nn;

import org.jgrad.Tensor;

/** Max over square windows, as PyTorch's {@code nn.MaxPool2d}; padding never wins. */
public class MaxPool2d extends Pool2d {
    /** Non-overlapping windows: stride = kernel, no padding. */
    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    public MaxPool2d(int kernel, int stride, int padding) {
        super(kernel, stride, padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        checkInput(input);
        return input.maxPool2d(kernel, stride, padding);
    }
}
