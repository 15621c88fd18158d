package org.jgrad.cpu.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link VectorMicroKernel} tile of 8 rows of two vectors (8x32 floats with 512-bit vectors),
 * for CPUs with 32 vector registers: each step loads two vectors of B, broadcasts eight values of A
 * and issues sixteen fused multiply-adds into sixteen accumulators. 16 + 2 + 8 registers fit in 32
 * (AVX-512), not in AVX2's 16, where {@link FourRowKernel} is used.
 *
 * <p>Why: the four-row tile has eight chains, exactly what two FMA pipes of 4-cycle latency need,
 * and a B load or broadcast for every 1.33 FMAs; any stall is lost time. Measured on an AVX-512
 * Zen 5 core, each tile alone sweeping L2-resident strips (bench/kernel-variants/run), median
 * GFLOP/s: 4 rows, two steps a pass 154; 8 rows, one step a pass 199, which is the core's
 * peak (2 pipes x 16 lanes x 2 flops x 3.15 GHz = 202). Same chain per element as every tile.
 *
 * <p>Why the loop counts steps, with both indices products of the step: C2 then hoists every
 * bounds check out of the loop, so no uncommon trap inside it has to describe the sixteen
 * accumulators. With A's check left in the loop and beta's branch at the start, C2 sometimes
 * compiled the loop with accumulators boxed on the heap each step (3 MLP runs in 8 at a fifth of
 * the speed; docs/PERFORMANCE.md, <i>An 8-row register tile on AVX-512</i>).
 */
final class EightRowKernel {
    private static final VectorSpecies<Float> SPECIES = VectorMicroKernel.SPECIES;
    private static final int LANES = VectorMicroKernel.LANES;
    private static final int MR = 8;
    private static final int NR = VectorMicroKernel.NR;
    private static final Class<FloatVector> VECTOR = VectorMicroKernel.VECTOR;

    private EightRowKernel() {
    }

    /**
     * C tile at {@code c[co..]} (row stride ldc) = start tile at {@code start[so..]} (row stride
     * lds) + A strip x B strip, each chain starting from the start tile's element. The A strip
     * holds MR values per step, the B strip NR, each from index 0 of its own array.
     */
    static void multiply(int kc, float[] a, float[] b, float[] start, int so, int lds, float[] c, int co, int ldc) {
        FloatVector c00 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so));
        FloatVector c01 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + LANES));
        FloatVector c10 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + lds));
        FloatVector c11 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + lds + LANES));
        FloatVector c20 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 2 * lds));
        FloatVector c21 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 2 * lds + LANES));
        FloatVector c30 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 3 * lds));
        FloatVector c31 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 3 * lds + LANES));
        FloatVector c40 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 4 * lds));
        FloatVector c41 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 4 * lds + LANES));
        FloatVector c50 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 5 * lds));
        FloatVector c51 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 5 * lds + LANES));
        FloatVector c60 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 6 * lds));
        FloatVector c61 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 6 * lds + LANES));
        FloatVector c70 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 7 * lds));
        FloatVector c71 = VECTOR.cast(FloatVector.fromArray(SPECIES, start, so + 7 * lds + LANES));
        for (int p = 0; p < kc; p++) {
            // both indices products of the loop variable, so C2 hoists every bounds check
            int ap = p * MR;
            int bp = p * NR;
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
            FloatVector ai = FloatVector.broadcast(SPECIES, a[ap]);
            c00 = ai.fma(b0, c00);
            c01 = ai.fma(b1, c01);
            ai = FloatVector.broadcast(SPECIES, a[ap + 1]);
            c10 = ai.fma(b0, c10);
            c11 = ai.fma(b1, c11);
            ai = FloatVector.broadcast(SPECIES, a[ap + 2]);
            c20 = ai.fma(b0, c20);
            c21 = ai.fma(b1, c21);
            ai = FloatVector.broadcast(SPECIES, a[ap + 3]);
            c30 = ai.fma(b0, c30);
            c31 = ai.fma(b1, c31);
            ai = FloatVector.broadcast(SPECIES, a[ap + 4]);
            c40 = ai.fma(b0, c40);
            c41 = ai.fma(b1, c41);
            ai = FloatVector.broadcast(SPECIES, a[ap + 5]);
            c50 = ai.fma(b0, c50);
            c51 = ai.fma(b1, c51);
            ai = FloatVector.broadcast(SPECIES, a[ap + 6]);
            c60 = ai.fma(b0, c60);
            c61 = ai.fma(b1, c61);
            ai = FloatVector.broadcast(SPECIES, a[ap + 7]);
            c70 = ai.fma(b0, c70);
            c71 = ai.fma(b1, c71);
        }
        VECTOR.cast(c00).intoArray(c, co);
        VECTOR.cast(c01).intoArray(c, co + LANES);
        VECTOR.cast(c10).intoArray(c, co + ldc);
        VECTOR.cast(c11).intoArray(c, co + ldc + LANES);
        VECTOR.cast(c20).intoArray(c, co + 2 * ldc);
        VECTOR.cast(c21).intoArray(c, co + 2 * ldc + LANES);
        VECTOR.cast(c30).intoArray(c, co + 3 * ldc);
        VECTOR.cast(c31).intoArray(c, co + 3 * ldc + LANES);
        VECTOR.cast(c40).intoArray(c, co + 4 * ldc);
        VECTOR.cast(c41).intoArray(c, co + 4 * ldc + LANES);
        VECTOR.cast(c50).intoArray(c, co + 5 * ldc);
        VECTOR.cast(c51).intoArray(c, co + 5 * ldc + LANES);
        VECTOR.cast(c60).intoArray(c, co + 6 * ldc);
        VECTOR.cast(c61).intoArray(c, co + 6 * ldc + LANES);
        VECTOR.cast(c70).intoArray(c, co + 7 * ldc);
        VECTOR.cast(c71).intoArray(c, co + 7 * ldc + LANES);
    }
}
