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
}
