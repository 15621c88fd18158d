package org.jgrad.cpu.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link VectorMicroKernel} tile of 4 rows of two vectors (4x16 floats with 256-bit vectors):
 * each step loads two vectors of B, broadcasts four values of A and issues eight fused multiply-adds
 * into eight accumulators, which stay in registers for the whole loop: eight independent chains
 * cover two FMA pipes of 4-cycle latency.
 *
 * <p>Why four rows and two steps per pass (measured on an AVX2 Zen 3, the
 * kernel alone in L1, GFLOP per CPU-second, median of 30 trials; a C version of the same tile
 * reaches about 80): C2 loads every broadcast of a step before the first FMA, so a 6-row tile
 * needs 12 accumulators + 2 B vectors + 6 broadcasts = 20 registers; with AVX2's 16 it kept four
 * accumulators on the stack, a store and reload in their chains each step (67, and 26-30 in the
 * whole GEMM). Four rows need 14.
 *
 * <p>Why each strip in its own array, indexed from 0, with B's index as the loop variable: the
 * FMAs share the core's dispatch width with the loop's integer work, and on a shared host (an SMT
 * sibling busy) that width is what runs out. With strips at offsets in one array, C2 (JDK 17)
 * sign-extended and recomputed each index every pass: 51 instructions for 16 FMAs. Indices that
 * start at 0 and a loop over B's index leave 41; in a sweep of L2-resident strips this ran 1.17-1.21x
 * as fast on JDK 17 and 1.15x on JDK 25 (docs/PERFORMANCE.md, <i>Strips in arrays of their own</i>).
 * The loop over steps that {@link EightRowKernel} uses spilled here with AVX2's registers (47
 * against 85 GFLOP/s under -XX:UseAVX=2).
 */
final class FourRowKernel {
    private static final VectorSpecies<Float> SPECIES = VectorMicroKernel.SPECIES;
    private static final int LANES = VectorMicroKernel.LANES;
    private static final int MR = 4;
    private static final int NR = VectorMicroKernel.NR;
    private static final Class<FloatVector> VECTOR = VectorMicroKernel.VECTOR;

    private FourRowKernel() {
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
        int ap = 0;
        int pairsEnd = (kc & ~1) * NR;
        for (int bp = 0; bp < pairsEnd; bp += 2 * NR) {
            // steps p and p + 1, in that order for every element
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
            b0 = FloatVector.fromArray(SPECIES, b, bp + NR);
            b1 = FloatVector.fromArray(SPECIES, b, bp + NR + LANES);
            ai = FloatVector.broadcast(SPECIES, a[ap + MR]);
            c00 = ai.fma(b0, c00);
            c01 = ai.fma(b1, c01);
            ai = FloatVector.broadcast(SPECIES, a[ap + MR + 1]);
            c10 = ai.fma(b0, c10);
            c11 = ai.fma(b1, c11);
            ai = FloatVector.broadcast(SPECIES, a[ap + MR + 2]);
            c20 = ai.fma(b0, c20);
            c21 = ai.fma(b1, c21);
            ai = FloatVector.broadcast(SPECIES, a[ap + MR + 3]);
            c30 = ai.fma(b0, c30);
            c31 = ai.fma(b1, c31);
            ap += 2 * MR;
        }
        if ((kc & 1) != 0) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, pairsEnd);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, pairsEnd + LANES);
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
        }
        VECTOR.cast(c00).intoArray(c, co);
        VECTOR.cast(c01).intoArray(c, co + LANES);
        VECTOR.cast(c10).intoArray(c, co + ldc);
        VECTOR.cast(c11).intoArray(c, co + ldc + LANES);
        VECTOR.cast(c20).intoArray(c, co + 2 * ldc);
        VECTOR.cast(c21).intoArray(c, co + 2 * ldc + LANES);
        VECTOR.cast(c30).intoArray(c, co + 3 * ldc);
        VECTOR.cast(c31).intoArray(c, co + 3 * ldc + LANES);
    }
}
