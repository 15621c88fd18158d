package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.backend.Extents;
import org.jgrad.backend.GemmShape;

/**
 * Batched GEMM, one grid layer per batch entry. GPUs get the tiled kernel: a 2-D grid of 64x64
 * tiles of C staged through local memory, operands whose rows all start 16-byte aligned read as
 * float4 vectors. CPU devices get the block kernel (8 x 16 register blocks, no local memory),
 * which measured 3-8x faster on PoCL (docs/PERFORMANCE.md).
 */
final class GemmOps {
    private static final int TILE = 64;
    private static final int THREADS = 16;
    /** Rows of C per work-item of the CPU-device kernel (BLOCK_ROWS in gemm.cl). */
    private static final int BLOCK_ROWS = 8;
    /** {@code -Djgrad.opencl.gemm=tiled|block} picks the kernel; by default CPU devices get block. */
    static final String KERNEL_PROPERTY = "jgrad.opencl.gemm";
    private final ClRuntime cl;
    private final boolean block;

    GemmOps(ClRuntime cl) {
        this.cl = cl;
        String chosen = System.getProperty(KERNEL_PROPERTY, cl.device().cpu() ? "block" : "tiled");
        if (!chosen.equals("block") && !chosen.equals("tiled")) {
            throw new IllegalArgumentException("-D" + KERNEL_PROPERTY + "=" + chosen + ": expected tiled or block");
        }
        block = chosen.equals("block");
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
        if (block) {
            cl.launch("gemm_block").i(m).i(n).i(depth).flag(s.transA()).flag(s.transB()).f(s.alpha()).f(s.beta())
                    .mem(a).i(s.offsetA()).i(s.lda()).l(s.strideA())
                    .mem(b).i(s.offsetB()).i(s.ldb()).l(s.strideB())
                    .mem(c).i(s.offsetC()).i(s.ldc()).l(s.strideC())
                    .run(new long[] {Launch.roundUp((n + 15) / 16, 8), (m + BLOCK_ROWS - 1) / BLOCK_ROWS, s.batch()}, new long[] {8, 1, 1});
            return;
        }
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
