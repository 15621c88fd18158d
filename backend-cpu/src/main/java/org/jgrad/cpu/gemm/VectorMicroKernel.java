package org.jgrad.cpu.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The innermost loop of the Vector API path: one MR x NR tile of C, NR two vectors wide,
 * accumulated over kc steps from packed strips of A and B (see {@link Packing}), the accumulators
 * in registers for the whole loop. Two tiles: {@link FourRowKernel} (MR 4) where vectors have 8
 * lanes or fewer (AVX2 and its 16 registers), {@link EightRowKernel} (MR 8) where they have 16
 * (AVX-512 and its 32). Both compute every element as the same fma chain.
 *
 * <p>Why each tile is unrolled by hand: C2 keeps named locals in vector registers but not elements
 * of an array (a loop over an array of accumulators ran 30-50 times slower).
 *
 * <p>Loaded only when {@link org.jgrad.cpu.VectorSupport#enabled()} says the module is present.
 */
final class VectorMicroKernel {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int NR = 2 * LANES;
    /** Rows of the tile this CPU's vectors suit: 8 with 16 lanes (32 registers), else 4. */
    static final int PREFERRED_ROWS = LANES >= 16 ? 8 : 4;
    /**
     * The concrete vector class of {@link #SPECIES}. The accumulators are cast to it where they
     * start and where they are stored, which tells C2 their exact type. Without that, C2 can lose
     * it (once code elsewhere has used vectors of
     * another shape, as the Philox fill's 256-bit floats, so that the Vector API's shared type
     * profiles are polymorphic); it then cannot intrinsify the FMAs or stores, boxes every
     * accumulator on the heap each step, and the GEMM runs 50-80 times slower (measured: 287 to
     * 3.6 GFLOP/s at n = 1024 after one random fill). The casts cost nothing when the type is known.
     */
    @SuppressWarnings("unchecked")
    static final Class<FloatVector> VECTOR = (Class<FloatVector>) SPECIES.vectorType();

    private VectorMicroKernel() {
    }

    /**
     * Rows of the tile that computes a strip of {@code rows} rows on a path of {@code mr}-row tiles:
     * 4 for a strip of at most 4 (the last of a block), else mr. A product of 4 rows on AVX-512 thus
     * does not compute 8 (the 8-row tile alone ran 4 x 1024 x 1024 at 0.72x the 4-row one).
     */
    static int tileRows(int mr, int rows) {
        return rows <= 4 ? 4 : mr;
    }

    /**
     * C tile at {@code c[co..]} (row stride ldc) = start tile + A strip x B strip for a tile of
     * {@code rows} (4 or 8) rows, each chain starting from the start tile's element at
     * {@code start[so..]} (row stride lds): C itself, or zeros, or beta C, as the caller chose. The A
     * strip holds {@code rows} values per step, the B strip NR, each from index 0 of its own array.
     */
    static void multiply(int rows, int kc, float[] a, float[] b, float[] start, int so, int lds, float[] c, int co, int ldc) {
        if (rows == 8) {
            EightRowKernel.multiply(kc, a, b, start, so, lds, c, co, ldc);
        } else {
            FourRowKernel.multiply(kc, a, b, start, so, lds, c, co, ldc);
        }
    }
}
