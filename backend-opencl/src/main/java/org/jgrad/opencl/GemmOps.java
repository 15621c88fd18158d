package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.backend.Extents;
import org.jgrad.backend.GemmShape;

/**
 * Batched GEMM through the tiled kernel: a 2-D grid of 64x64 tiles of C, one grid layer per batch
 * entry. Operands whose rows all start 16-byte aligned are read as float4 vectors.
 */
final class GemmOps {
    private static final int TILE = 64;
    private static final int THREADS = 16;
    private final ClRuntime cl;

    GemmOps(ClRuntime cl) {
        this.cl = cl;
    }

    void gemm(GemmShape s, ClBuffer a, ClBuffer b, ClBuffer c) {
        a.expect(DType.FLOAT32, "gemm", "A");
        b.expect(DType.FLOAT32, "gemm", "B");
        c.expect(DType.FLOAT32, "gemm", "C");
        Extents.checkGemm(s, a.length(), b.length(), c.length());
        int m = s.m();
        int n = s.n();
        if (s.batch() == 0 || m == 0 || n == 0) {
            return;
        }
        // alpha = 0 scales C by beta without reading A or B, as BLAS does
        int depth = s.alpha() == 0f ? 0 : s.k();
        cl.launch("gemm").i(m).i(n).i(depth).flag(s.transA()).flag(s.transB()).f(s.alpha()).f(s.beta())
                .mem(a).i(s.offsetA()).i(s.lda()).l(s.strideA()).flag(aligned(s.offsetA(), s.lda(), s.strideA()))
                .mem(b).i(s.offsetB()).i(s.ldb()).l(s.strideB()).flag(aligned(s.offsetB(), s.ldb(), s.strideB()))
                .mem(c).i(s.offsetC()).i(s.ldc()).l(s.strideC())
                .run(new long[] {tiles(n) * THREADS, tiles(m) * THREADS, s.batch()}, new long[] {THREADS, THREADS, 1});
    }

    /** Whether every stored row of an operand starts on a 16-byte boundary, so the kernel may read float4s. */
    private static boolean aligned(int offset, int ld, long stride) {
        return offset % 4 == 0 && ld % 4 == 0 && stride % 4 == 0;
    }

    private static long tiles(int size) {
        return (size + TILE - 1) / TILE;
    }
}
