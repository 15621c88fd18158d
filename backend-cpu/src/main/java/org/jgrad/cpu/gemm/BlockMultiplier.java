package org.jgrad.cpu.gemm;

/**
 * One way to compute a block of one batch entry of a GEMM:
 * C(i, j) = alpha * sum_p op(A)(i, p) op(B)(p, j) + beta * C(i, j) for i in [i0, i1), j in [j0, j1).
 * Blocks of the same entry that do not overlap may run on different threads at once.
 */
interface BlockMultiplier {

    /** Row count a block boundary should be a multiple of, so that threads split on full register tiles. */
    int rowStep();

    /** Column count a block boundary should be a multiple of. */
    int colStep();

    void multiply(GemmCall call, int entry, int i0, int i1, int j0, int j1);
}
