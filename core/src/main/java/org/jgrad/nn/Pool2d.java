package org.jgrad.nn;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/** Base of the square-window pooling layers: kernel, stride (the kernel by default) and padding. */
public abstract class Pool2d extends Module {
    protected final int kernel;
    protected final int stride;
    protected final int padding;

    protected Pool2d(int kernel, int stride, int padding) {
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": need kernel, stride >= 1 and 0 <= padding"
                    + " <= kernel / 2, got kernel=" + kernel + " stride=" + stride + " padding=" + padding);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    /** Fails unless the input is an NCHW batch. */
    protected final void checkInput(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": expected input (N, C, H, W), got "
                    + Shape.toString(input.shape()));
        }
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding;
    }
}
