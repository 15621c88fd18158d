package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.DType;
import org.jgrad.Function;
import org.jgrad.Tensor;
import org.jgrad.backend.ConvGeometry;

/**
 * conv2d without bias (PyTorch's convolution is a cross-correlation) through the backend's
 * {@code conv2d} primitive: im2col and one GEMM over the batch by default, a direct kernel where
 * the backend has one. Backward asks for both gradients in one call, so a composed backend shares
 * the gradient's relayout between them.
 */
final class CrossCorrelation extends Function {
    private final ConvGeometry geometry;
    private final int groups;

    private CrossCorrelation(ConvGeometry geometry, int groups) {
        this.geometry = geometry;
        this.groups = groups;
    }

    /** x (N, C, H, W) with weight (O, C/groups, kH, kW) over geometry g: (N, O, outH, outW). */
    static Tensor apply(Tensor x, Tensor weight, ConvGeometry g, int groups) {
        int outChannels = weight.size(0);
        Tensor out = Kernels.empty(x.backend(), DType.FLOAT32, new int[] {g.batch(), outChannels, g.outH(), g.outW()});
        x.backend().conv2d(g, outChannels, groups, buffer(x), buffer(weight), buffer(out));
        CrossCorrelation fn = new CrossCorrelation(g, groups);
        fn.save(x, weight);
        return record(fn, out, x, weight);
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = saved(0);
        Tensor weight = saved(1);
        Tensor dx = needsGrad(0) ? Kernels.empty(grad.backend(), DType.FLOAT32, x.shape()) : null;
        Tensor dw = needsGrad(1) ? Kernels.empty(grad.backend(), DType.FLOAT32, weight.shape()) : null;
        grad.backend().conv2dBackward(geometry, weight.size(0), groups, buffer(x), buffer(weight), buffer(grad),
                dx == null ? null : buffer(dx), dw == null ? null : buffer(dw));
        return new Tensor[] {dx, dw};
    }
}
