package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.ConvGeometry;

/**
 * Max pooling through the backend's direct kernel: forward keeps each window's argmax tap,
 * backward routes the gradient to it (the first maximum, as {@code max} along a dimension).
 */
final class MaxPool extends Function {
    private final ConvGeometry geometry;
    private final int[] inputShape;

    private MaxPool(ConvGeometry geometry, int[] inputShape) {
        this.geometry = geometry;
        this.inputShape = inputShape;
    }

    /** Pools x with geometry g (one plane per image and channel); the output has {@code outShape}. */
    static Tensor apply(Tensor x, ConvGeometry g, int[] outShape) {
        Tensor out = Kernels.empty(x.backend(), DType.FLOAT32, outShape);
        Tensor argmax = Kernels.empty(x.backend(), DType.INT32, outShape);
        x.backend().maxPool2d(g, buffer(x), buffer(out), buffer(argmax));
        MaxPool fn = new MaxPool(g, x.shape());
        fn.save(argmax);
        return record(fn, out, x);
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor dx = Kernels.empty(grad.backend(), DType.FLOAT32, inputShape);
        grad.backend().maxPool2dBackward(geometry, buffer(grad), buffer(saved(0)), buffer(dx));
        return new Tensor[] {dx};
    }
}
