package org.jgrad.ops;

import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.ConvGeometry;

/** 2-D convolution and pooling on NCHW batches: the conv2d and max-pool primitives, im2col and mean. */
final class Convolution {
    private Convolution() {
    }

    /**
     * Cross-correlation of x (N, C, H, W) with weight (O, C/groups, kH, kW), plus bias (O) when not
     * null: the output is (N, O, outH, outW), through the backend's conv2d primitive.
     * An unbatched input (C, H, W) gives (O, outH, outW), as PyTorch.
     */
    static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        if (x.dim() == 3) {
            return conv2d(x.unsqueeze(0), weight, bias, stride, padding, dilation, groups).squeeze(0);
        }
        Kernels.requireFloat("conv2d", x);
        Kernels.requireFloat("conv2d", weight);
        if (bias != null) {
            Kernels.requireFloat("conv2d", bias);
        }
        int[] xs = x.shape();
        int[] ws = weight.shape();
        if (xs.length != 4 || ws.length != 4) {
            throw new IllegalArgumentException("conv2d: expected input (N, C, H, W) or (C, H, W) and weight (O, C/groups, kH, kW), got "
                    + Shape.toString(xs) + " and " + Shape.toString(ws));
        }
        if (groups < 1 || xs[1] % groups != 0 || ws[0] % groups != 0 || ws[1] * groups != xs[1]) {
            throw new IllegalArgumentException("conv2d: input " + Shape.toString(xs) + " and weight " + Shape.toString(ws)
                    + " do not fit groups=" + groups + " (need C = weight[1] * groups and O divisible by groups)");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != ws[0])) {
            throw new IllegalArgumentException("conv2d: bias of shape " + Shape.toString(bias.shape()) + " does not match "
                    + ws[0] + " output channels");
        }
        ConvGeometry g = new ConvGeometry(xs[0], xs[1], xs[2], xs[3], ws[2], ws[3], stride, stride,
                padding, padding, dilation, dilation);
        Tensor out = CrossCorrelation.apply(x, weight, g, groups);
        return bias == null ? out : out.add(bias.reshape(1, ws[0], 1, 1));
    }

    /** Max over kernel x kernel windows; padding never wins (it reads as negative infinity). */
    static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return pool("maxPool2d", x, kernel, stride, padding, true);
    }

    /** Mean over kernel x kernel windows, padding counted as zeros (PyTorch's count_include_pad=True). */
    static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return pool("avgPool2d", x, kernel, stride, padding, false);
    }

    /** Pooling of (N, C, H, W), or of an unbatched (C, H, W) as PyTorch. */
    private static Tensor pool(String name, Tensor x, int kernel, int stride, int padding, boolean max) {
        if (x.dim() == 3) {
            return pool(name, x.unsqueeze(0), kernel, stride, padding, max).squeeze(0);
        }
        Kernels.requireFloat(name, x);
        int[] xs = x.shape();
        if (xs.length != 4) {
            throw new IllegalArgumentException(name + ": expected input (N, C, H, W) or (C, H, W), got " + Shape.toString(xs));
        }
        if (padding * 2 > kernel) {
            throw new IllegalArgumentException(name + ": padding " + padding + " must be at most half the kernel " + kernel);
        }
        ConvGeometry g = new ConvGeometry(xs[0] * xs[1], 1, xs[2], xs[3], kernel, kernel, stride, stride,
                padding, padding, 1, 1);
        int[] outShape = {xs[0], xs[1], g.outH(), g.outW()};
        if (max) {
            return MaxPool.apply(x, g, outShape);
        }
        Tensor windows = Im2Col.apply(x.reshape(xs[0] * xs[1], 1, xs[2], xs[3]), g, 0f);
        return windows.mean(1, false).reshape(outShape);
    }
}
