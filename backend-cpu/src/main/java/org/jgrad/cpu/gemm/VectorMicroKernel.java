package org.jgrad.cpu.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The innermost loop of the Vector API path: one MR x NR tile of C (6 rows of two vectors, 6x32
 * floats with 512-bit vectors) accumulated over kc steps from packed strips of A and B (see
 * {@link Packing}). Each step loads two vectors of B, broadcasts six values of A and issues
 * twelve fused multiply-adds into twelve accumulators, which stay in registers for the whole loop.
 *
 * <p>The tile is unrolled by hand on purpose, the one place in the GEMM that is: C2 keeps named
 * locals in vector registers but not elements of an array, and a loop over an array of
 * accumulators ran 30-50 times slower in measurement. Twelve accumulators cover the FMA latency
 * of two pipes and, with the two B vectors and the broadcast, fit in 16 registers (AVX2) as well
 * as 32 (AVX-512).
 *
 * <p>Loaded only when {@link org.jgrad.cpu.VectorSupport#enabled()} says the module is present.
 */
final class VectorMicroKernel {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int MR = 6;
    static final int NR = 2 * LANES;
    /**
     * The concrete vector class of {@link #SPECIES}. The accumulators are cast to it where they
     * start and where they are stored, which tells C2 their exact type. Without that, C2 can lose
     * it (when {@link #initial} is left out of line, or once code elsewhere has used vectors of
     * another shape, as the Philox fill's 256-bit floats, so that the Vector API's shared type
     * profiles are polymorphic); it then cannot intrinsify the FMAs or stores, boxes every
     * accumulator on the heap each step, and the GEMM runs 50-80 times slower (measured: 287 to
     * 3.6 GFLOP/s at n = 1024 after one random fill). The casts cost nothing when the type is known.
     */
    @SuppressWarnings("unchecked")
    private static final Class<FloatVector> VECTOR = (Class<FloatVector>) SPECIES.vectorType();

    private VectorMicroKernel() {
    }

    /**
     * C tile at {@code c[co..]} (row stride ldc) = A strip x B strip + beta * C tile; beta 0 does
     * not read C, beta 1 adds to it.
     */
    static void multiply(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, float beta) {
        FloatVector c00 = VECTOR.cast(initial(c, co, beta));
        FloatVector c01 = VECTOR.cast(initial(c, co + LANES, beta));
        FloatVector c10 = VECTOR.cast(initial(c, co + ldc, beta));
        FloatVector c11 = VECTOR.cast(initial(c, co + ldc + LANES, beta));
        FloatVector c20 = VECTOR.cast(initial(c, co + 2 * ldc, beta));
        FloatVector c21 = VECTOR.cast(initial(c, co + 2 * ldc + LANES, beta));
        FloatVector c30 = VECTOR.cast(initial(c, co + 3 * ldc, beta));
        FloatVector c31 = VECTOR.cast(initial(c, co + 3 * ldc + LANES, beta));
        FloatVector c40 = VECTOR.cast(initial(c, co + 4 * ldc, beta));
        FloatVector c41 = VECTOR.cast(initial(c, co + 4 * ldc + LANES, beta));
        FloatVector c50 = VECTOR.cast(initial(c, co + 5 * ldc, beta));
        FloatVector c51 = VECTOR.cast(initial(c, co + 5 * ldc + LANES, beta));
        // Row r of the A strip starts at ao + r * kc.
        int a1 = ao + kc;
        int a2 = a1 + kc;
        int a3 = a2 + kc;
        int a4 = a3 + kc;
        int a5 = a4 + kc;
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
            FloatVector ai = FloatVector.broadcast(SPECIES, a[ao + p]);
            c00 = ai.fma(b0, c00);
            c01 = ai.fma(b1, c01);
            ai = FloatVector.broadcast(SPECIES, a[a1 + p]);
            c10 = ai.fma(b0, c10);
            c11 = ai.fma(b1, c11);
            ai = FloatVector.broadcast(SPECIES, a[a2 + p]);
            c20 = ai.fma(b0, c20);
            c21 = ai.fma(b1, c21);
            ai = FloatVector.broadcast(SPECIES, a[a3 + p]);
            c30 = ai.fma(b0, c30);
            c31 = ai.fma(b1, c31);
            ai = FloatVector.broadcast(SPECIES, a[a4 + p]);
            c40 = ai.fma(b0, c40);
            c41 = ai.fma(b1, c41);
            ai = FloatVector.broadcast(SPECIES, a[a5 + p]);
            c50 = ai.fma(b0, c50);
            c51 = ai.fma(b1, c51);
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
    }

    /**
     * beta * C for one accumulator, or zeros without reading C when beta is 0. Kept below C2's
     * 35-byte always-inline limit on purpose: a vector passed to or from a call that is not
     * inlined is boxed on the heap, and a larger helper here was sometimes left out of line
     * (depending on profile timing), which cut the whole GEMM to a fifth of its speed.
     */
    private static FloatVector initial(float[] c, int at, float beta) {
        return beta == 0f ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, c, at).mul(beta);
    }
}
