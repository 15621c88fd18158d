package org.jgrad.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Uniform fills with Philox4x32-10 computed for several blocks at once, one block per long lane
 * (each lane holds a 32-bit word, so the 32x32-bit products fit a long exactly). The arithmetic is
 * {@link org.jgrad.backend.Philox}'s, so the numbers are the same bit for bit. Loaded only when
 * {@link VectorSupport#enabled()}.
 */
final class PhiloxVectorKernels {
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(LONGS.vectorBitSize() / 2));
    private static final int BLOCKS = LONGS.length();
    private static final long WORD = 0xFFFFFFFFL;
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final long W0 = 0x9E3779B9L;
    private static final long W1 = 0xBB67AE85L;
    /** Lane b's stream position relative to the group's first element. */
    private static final LongVector LANE_POSITIONS = LongVector.zero(LONGS).addIndex(4);

    private PhiloxVectorKernels() {
    }

    /**
     * Whether this path beats the scalar one here. It needs a native 64-bit lane multiply, which
     * comes with 512-bit vectors (AVX-512); on AVX2 the multiply is emulated and measured about
     * twice as slow as scalar code.
     */
    static boolean pays() {
        return LONGS.vectorBitSize() >= 512;
    }

    /**
     * Fills out[i] for i from {@code from} while whole groups of blocks fit before {@code to}, with
     * Philox.uniform's values scaled to low + width * u; offset + from must be a multiple of 4.
     * Returns where it stopped.
     */
    static int uniform(long seed, long offset, double low, double width, float[] out, int from, int to) {
        // One vector per word; transposing through this scratch is cheaper than scattered stores.
        float[] byWord = new float[4 * BLOCKS];
        int i = from;
        for (; to - i >= 4 * BLOCKS; i += 4 * BLOCKS) {
            // counter = position / 4 per lane, from the wrapped 64-bit position as Philox does
            LongVector counter = LANE_POSITIONS.add(offset + i).lanewise(VectorOperators.LSHR, 2);
            LongVector c0 = counter.and(WORD);
            LongVector c1 = counter.lanewise(VectorOperators.LSHR, 32);
            LongVector c2 = LongVector.zero(LONGS);
            LongVector c3 = LongVector.zero(LONGS);
            long k0 = seed & WORD;
            long k1 = seed >>> 32;
            for (int round = 0; round < 10; round++) {
                LongVector p0 = c0.mul(M0);
                LongVector p1 = c2.mul(M1);
                c0 = p1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, c1)
                        .lanewise(VectorOperators.XOR, k0);
                c1 = p1.and(WORD);
                c2 = p0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, c3)
                        .lanewise(VectorOperators.XOR, k1);
                c3 = p0.and(WORD);
                k0 = (k0 + W0) & WORD;
                k1 = (k1 + W1) & WORD;
            }
            scale(c0, low, width, byWord, 0);
            scale(c1, low, width, byWord, BLOCKS);
            scale(c2, low, width, byWord, 2 * BLOCKS);
            scale(c3, low, width, byWord, 3 * BLOCKS);
            for (int b = 0, at = i; b < BLOCKS; b++, at += 4) {
                out[at] = byWord[b];
                out[at + 1] = byWord[BLOCKS + b];
                out[at + 2] = byWord[2 * BLOCKS + b];
                out[at + 3] = byWord[3 * BLOCKS + b];
            }
        }
        return i;
    }

    /** Philox.uniform's top 24 bits scaled to [0, 1), then low + width * u in float64, rounded once to float. */
    private static void scale(LongVector words, double low, double width, float[] dst, int at) {
        DoubleVector u = ((DoubleVector) words.lanewise(VectorOperators.LSHR, 8)
                .convertShape(VectorOperators.L2D, DOUBLES, 0)).mul(0x1p-24);
        FloatVector values = (FloatVector) u.mul(width).add(low).convertShape(VectorOperators.D2F, FLOATS, 0);
        values.intoArray(dst, at);
    }
}
