package org.jgrad.ops;

import static org.jgrad.internal.TensorAccess.buffer;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.backend.GemmShape;

/** Batched matrix products on the backend's GEMM, with transpose flags and broadcast batch dimensions. */
final class Gemm {
    private Gemm() {
    }

    /**
     * op(a) @ op(b) where op transposes the last two dimensions when its flag is set. Both have
     * rank >= 2; leading (batch) dimensions broadcast. No graph is recorded.
     */
    static Tensor product(String name, Tensor a, boolean transA, Tensor b, boolean transB) {
        return product(name, a, transA, b, transB, 1f);
    }

    /** alpha · op(a) @ op(b), the scale applied inside the GEMM (no separate pass). No graph is recorded. */
    static Tensor product(String name, Tensor a, boolean transA, Tensor b, boolean transB, float alpha) {
        Kernels.requireFloat(name, a);
        Kernels.requireFloat(name, b);
        Kernels.sameBackend(name, a, b);
        int[] as = a.shape();
        int[] bs = b.shape();
        if (as.length < 2 || bs.length < 2) {
            throw new IllegalArgumentException(name + ": needs matrices, got shapes " + Shape.toString(as) + " and "
                    + Shape.toString(bs));
        }
        int aRows = as[as.length - 2];
        int aCols = as[as.length - 1];
        int bRows = bs[bs.length - 2];
        int bCols = bs[bs.length - 1];
        int m = transA ? aCols : aRows;
        int k = innerSize(name, a, transA, b, transB);
        int n = transB ? bRows : bCols;
        int[] batchA = Arrays.copyOf(as, as.length - 2);
        int[] batchB = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shape.broadcast(name, batchA, batchB);
        int count = Shape.numel(batch);
        Tensor ea = spread(a, batchA, batch);
        Tensor eb = spread(b, batchB, batch);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = Kernels.empty(a.backend(), DType.FLOAT32, outShape);
        GemmShape shape = new GemmShape(count, m, n, k, transA, transB, alpha, 0f,
                0, aCols, batchStride(ea, aRows * aCols, count),
                0, bCols, batchStride(eb, bRows * bCols, count),
                0, n, (long) m * n);
        a.backend().gemm(shape, buffer(ea), buffer(eb), buffer(out));
        closeIfSpread(ea, a);
        closeIfSpread(eb, b);
        return out;
    }

    /**
     * c += op(a) @ op(b) for matrices (rank 2), c contiguous (m, n): the product lands on what c
     * holds (BLAS beta = 1), e.g. a bias already broadcast into it. No graph is recorded.
     */
    static void addProduct(String name, Tensor a, boolean transA, Tensor b, boolean transB, Tensor c) {
        Kernels.requireFloat(name, a);
        Kernels.requireFloat(name, b);
        Kernels.sameBackend(name, a, b);
        Kernels.sameBackend(name, a, c);
        int m = a.size(transA ? 1 : 0);
        int k = innerSize(name, a, transA, b, transB);
        int n = b.size(transB ? 0 : 1);
        if (a.dim() != 2 || b.dim() != 2 || c.dim() != 2 || c.size(0) != m || c.size(1) != n) {
            throw new IllegalArgumentException(name + ": expected matrices and a (" + m + ", " + n + ") result, got "
                    + Shape.toString(a.shape()) + ", " + Shape.toString(b.shape()) + " into " + Shape.toString(c.shape()));
        }
        a.backend().gemm(new GemmShape(1, m, n, k, transA, transB, 1f, 1f, 0, a.size(1), m * k, 0, b.size(1), k * n,
                0, n, (long) m * n), buffer(a), buffer(b), buffer(c));
    }

    /** The shared size k of op(a) (.., m, k) and op(b) (.., k, n); fails naming both shapes when they differ. */
    private static int innerSize(String name, Tensor a, boolean transA, Tensor b, boolean transB) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int k = as[as.length - (transA ? 2 : 1)];
        int bk = bs[bs.length - (transB ? 1 : 2)];
        if (bk != k) {
            int m = as[as.length - (transA ? 1 : 2)];
            int n = bs[bs.length - (transB ? 2 : 1)];
            throw new IllegalArgumentException(name + ": shapes " + Shape.toString(as) + " and " + Shape.toString(bs)
                    + " cannot be multiplied (" + m + "x" + k + " by " + bk + "x" + n + ")");
        }
        return k;
    }

    /** x itself when its batch is the full batch or a single matrix; else a copy expanded to the full batch. */
    private static Tensor spread(Tensor x, int[] own, int[] batch) {
        int n = Shape.numel(own);
        if (n == Shape.numel(batch) || n == 1) {
            return x;
        }
        int[] shape = x.shape();
        int[] target = Arrays.copyOf(batch, batch.length + 2);
        target[batch.length] = shape[shape.length - 2];
        target[batch.length + 1] = shape[shape.length - 1];
        return Kernels.strided(x, target, 0, Shape.broadcastStrides(shape, target));
    }

    private static long batchStride(Tensor operand, int matrixSize, int count) {
        return operand.numel() == matrixSize && count > 1 ? 0 : matrixSize;
    }

    private static void closeIfSpread(Tensor spread, Tensor original) {
        if (spread != original) {
            spread.close();
        }
    }
}
