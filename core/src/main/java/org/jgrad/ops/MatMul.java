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
        checkShapes(a.shape(), b.shape());
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

    /** Fails naming the shapes as given (not as promoted) when the inner sizes or the batch dimensions do not fit. */
    private static void checkShapes(int[] as, int[] bs) {
        int inner = bs.length == 1 ? bs[0] : bs[bs.length - 2];
        boolean fits = as[as.length - 1] == inner;
        for (int i = 3; fits && i <= Math.min(as.length, bs.length); i++) {
            int da = as[as.length - i];
            int db = bs[bs.length - i];
            fits = da == db || da == 1 || db == 1;
        }
        if (!fits) {
            throw new IllegalArgumentException("matmul: shapes " + org.jgrad.Shape.toString(as) + " and "
                    + org.jgrad.Shape.toString(bs) + " cannot be multiplied (the last size of the first must equal the "
                    + (bs.length == 1 ? "size" : "second-to-last size") + " of the second, batch dimensions must broadcast)");
        }
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
