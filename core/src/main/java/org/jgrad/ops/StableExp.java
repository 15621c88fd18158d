package org.jgrad.ops;

import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;

/**
 * The numerically stable core shared by softmax and log-softmax along one dimension:
 * shifted = x - max(x), exp = e^shifted, sum = sum(exp) with the dimension kept. No graph.
 */
record StableExp(int dim, Tensor shifted, Tensor exp, Tensor sum) implements AutoCloseable {

    static StableExp of(String name, Tensor x, int dim) {
        Kernels.requireFloat(name, x);
        int d = Shape.normalizeDim(name, dim, x.dim());
        Tensor max = Kernels.reduce(ReduceOp.MAX, x, d);
        Tensor shifted = Kernels.binary(name, BinaryOp.SUB, x, max);
        max.close();
        Tensor exp = Kernels.unary(UnaryOp.EXP, 0f, shifted);
        return new StableExp(d, shifted, exp, Kernels.reduce(ReduceOp.SUM, exp, d));
    }

    @Override
    public void close() {
        shifted.close();
        exp.close();
        sum.close();
    }
}
