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

    private VectorMicroKernel() {
    }

    /**
     * C tile at {@code c[co..]} (row stride ldc) = A strip x B strip + beta * C tile; beta 0 does
     * not read C, beta 1 adds to it.
     */
    static void multiply(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, float beta) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bo + LANES);
            FloatVector ai = FloatVector.broadcast(SPECIES, a[ao]);
            c00 = ai.fma(b0, c00);
            c01 = ai.fma(b1, c01);
            ai = FloatVector.broadcast(SPECIES, a[ao + 1]);
            c10 = ai.fma(b0, c10);
            c11 = ai.fma(b1, c11);
            ai = FloatVector.broadcast(SPECIES, a[ao + 2]);
            c20 = ai.fma(b0, c20);
            c21 = ai.fma(b1, c21);
            ai = FloatVector.broadcast(SPECIES, a[ao + 3]);
            c30 = ai.fma(b0, c30);
            c31 = ai.fma(b1, c31);
            ai = FloatVector.broadcast(SPECIES, a[ao + 4]);
            c40 = ai.fma(b0, c40);
            c41 = ai.fma(b1, c41);
            ai = FloatVector.broadcast(SPECIES, a[ao + 5]);
            c50 = ai.fma(b0, c50);
            c51 = ai.fma(b1, c51);
        }
        storeRow(c00, c01, c, co, beta);
        storeRow(c10, c11, c, co + ldc, beta);
        storeRow(c20, c21, c, co + 2 * ldc, beta);
        storeRow(c30, c31, c, co + 3 * ldc, beta);
        storeRow(c40, c41, c, co + 4 * ldc, beta);
        storeRow(c50, c51, c, co + 5 * ldc, beta);
    }

    private static void storeRow(FloatVector v0, FloatVector v1, float[] c, int at, float beta) {
        if (beta != 0f) {
            FloatVector old0 = FloatVector.fromArray(SPECIES, c, at);
            FloatVector old1 = FloatVector.fromArray(SPECIES, c, at + LANES);
            FloatVector scale = FloatVector.broadcast(SPECIES, beta);
            v0 = beta == 1f ? v0.add(old0) : old0.fma(scale, v0);
            v1 = beta == 1f ? v1.add(old1) : old1.fma(scale, v1);
        }
        v0.intoArray(c, at);
        v1.intoArray(c, at + LANES);
    }
}
