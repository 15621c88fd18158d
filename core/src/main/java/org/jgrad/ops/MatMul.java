package org.jgrad.ops;

import org.jgrad.Function;
import org.jgrad.Tensor;

/**
 * Matrix product with PyTorch's rules: 1-D operands gain a dimension (removed again after),
 * batch dimensions broadcast. dA = g @ B^T and dB = A^T @ g, summed over broadcast batches.
 */
final class MatMul extends Function {
    private MatMul() {
    }

    static Tensor apply(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both operands need at least one dimension, got shapes "
                    + org.jgrad.Shape.toString(a.shape()) + " and " + org.jgrad.Shape.toString(b.shape()));
        }
        Tensor a2 = a.dim() == 1 ? a.unsqueeze(0) : a;
        Tensor b2 = b.dim() == 1 ? b.unsqueeze(-1) : b;
        MatMul fn = new MatMul();
        fn.save(a2, b2);
        Tensor out = record(fn, Gemm.product("matmul", a2, false, b2, false), a2, b2);
        if (a.dim() == 1) {
            out = out.squeeze(-2);
        }
        return b.dim() == 1 ? out.squeeze(-1) : out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0);
        Tensor b = saved(1);
        return new Tensor[] {
            needsGrad(0) ? Kernels.sumTo(Gemm.product("matmul backward", g, false, b, true), a.shape()) : null,
            needsGrad(1) ? Kernels.sumTo(Gemm.product("matmul backward", a, true, g, false), b.shape()) : null,
        };
    }
}
