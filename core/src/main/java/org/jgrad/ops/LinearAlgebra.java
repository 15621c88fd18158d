package org.jgrad.ops;

import org.jgrad.Tensor;

/** Matrix products. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /** PyTorch's matmul: 1-D operands promoted, batch dimensions broadcast. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return MatMul.apply(a, b);
    }

    /** x (..., in) W^T + b for weight (out, in) and bias (out) or null, as PyTorch's F.linear. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Affine.apply(x, weight, bias);
    }
}
