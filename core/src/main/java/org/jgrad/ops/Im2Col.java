package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.ConvGeometry;

/**
 * Unfolds sliding windows of an NCHW batch into columns per image (N, C*kH*kW, outH*outW);
 * backward folds the gradient back, summing where windows overlap. Average pooling is built on it.
 */
final class Im2Col extends Function {
    private final ConvGeometry geometry;

    private Im2Col(ConvGeometry geometry) {
        this.geometry = geometry;
    }

    /** Columns per image, (N, C*kH*kW, outH*outW); padding reads {@code padValue}. */
    static Tensor apply(Tensor x, ConvGeometry g, float padValue) {
        Tensor out = Kernels.empty(x.backend(), DType.FLOAT32, new int[] {g.batch(), g.colRows(), g.colCols()});
        x.backend().im2col(g, padValue, buffer(x), buffer(out));
        return record(new Im2Col(g), out, x);
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        ConvGeometry g = geometry;
        Tensor dx = Kernels.empty(grad.backend(), DType.FLOAT32,
                new int[] {g.batch(), g.channels(), g.height(), g.width()});
        grad.backend().col2im(g, buffer(grad), buffer(dx));
        return new Tensor[] {dx};
    }
}
