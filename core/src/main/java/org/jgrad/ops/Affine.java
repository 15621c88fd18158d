package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.view;

import org.jgrad.Function;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * y = x W^T + b over the last dimension of x, the fully connected layer's op. Leading dimensions
 * of x fold into the GEMM's rows, W is read transposed by flag, so nothing is copied, and the
 * GEMM accumulates onto the broadcast bias.
 * dx = g W, dW = g^T x, db = g summed over rows.
 */
final class Affine extends Function {
    private final int[] inputShape;
    private final boolean hasBias;

    private Affine(int[] inputShape, boolean hasBias) {
        this.inputShape = inputShape;
        this.hasBias = hasBias;
    }

    static Tensor apply(Tensor x, Tensor weight, Tensor bias) {
        int[] xs = x.shape();
        int[] ws = weight.shape();
        if (xs.length < 1 || ws.length != 2 || xs[xs.length - 1] != ws[1]) {
            throw new IllegalArgumentException("linear: input " + Shape.toString(xs) + " and weight " + Shape.toString(ws)
                    + " do not fit (expected input (..., in) and weight (out, in))");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != ws[0])) {
            throw new IllegalArgumentException("linear: bias " + Shape.toString(bias.shape()) + " does not match weight "
                    + Shape.toString(ws) + " (expected (" + ws[0] + "))");
        }
        int n = x.numel() / ws[1];
        Tensor rows = view(x, n, ws[1]);
        Tensor out;
        if (bias == null) {
            out = Gemm.product("linear", rows, false, weight, true);
        } else {
            // The bias is copied into every row first and the GEMM adds onto it: one pass over
            // the output instead of a product followed by a separate broadcast add.
            Kernels.sameBackend("linear", x, bias);
            out = Kernels.strided(bias, new int[] {n, ws[0]}, 0, new int[] {0, 1});
            Gemm.addProduct("linear", rows, false, weight, true, out);
        }
        rows.close();
        int[] outShape = xs.clone();
        outShape[xs.length - 1] = ws[0];
        Tensor shaped = view(out, outShape);
        out.close();
        Affine fn = new Affine(xs, bias != null);
        fn.save(x, weight);
        return bias == null ? record(fn, shaped, x, weight) : record(fn, shaped, x, weight, bias);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        Tensor weight = saved(1);
        int out = weight.size(0);
        Tensor g2 = g.reshape(g.numel() / out, out);
        Tensor[] grads = new Tensor[hasBias ? 3 : 2];
        if (needsGrad(0)) {
            grads[0] = Gemm.product("linear backward", g2, false, weight, false).reshape(inputShape);
        }
        if (needsGrad(1)) {
            grads[1] = Gemm.product("linear backward", g2, true, x.reshape(g2.size(0), weight.size(1)), false);
        }
        if (hasBias && needsGrad(2)) {
            grads[2] = g2.sum(0, false);
        }
        return grads;
    }
}
