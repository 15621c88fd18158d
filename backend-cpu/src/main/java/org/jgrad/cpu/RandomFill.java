package org.jgrad.cpu;

import org.jgrad.backend.Distribution;
import org.jgrad.backend.Philox;

/**
 * Counter-based random fill: element i is {@link Philox#sample}(dist, seed, offset + i, a, b),
 * bit for bit. Each Philox block is computed once and its words feed consecutive elements (four
 * uniforms, or two Box-Muller normals, per block). Elements depend only on their stream position,
 * so threads split the output anywhere and the numbers do not depend on the thread count.
 */
final class RandomFill {
    /** Uniforms per thread below which a fill stays on the calling thread. */
    private static final int UNIFORM_GRAIN = 1 << 14;
    /** A normal costs several uniforms (log, cos and sqrt), so fewer of them are worth a thread. */
    private static final int NORMAL_GRAIN = 1 << 11;
    private static final double TWO_POW_M24 = 1.0 / (1 << 24);
    private static final double TWO_PI = 2 * Math.PI;

    private RandomFill() {
    }

    static void fill(Distribution dist, long seed, long offset, float a, float b, float[] out) {
        if (dist == Distribution.UNIFORM) {
            Parallel.forRange(out.length, UNIFORM_GRAIN, (from, to) -> uniform(seed, offset, a, b, out, from, to));
        } else {
            Parallel.forRange(out.length, NORMAL_GRAIN, (from, to) -> normal(seed, offset, a, b, out, from, to));
        }
    }

    /**
     * Whole blocks go to {@link PhiloxVectorKernels} where it pays; the rest, and normals (whose
     * log and cos must be Java's own to match Philox), stay scalar.
     */
    private static void uniform(long seed, long offset, float a, float b, float[] out, int from, int to) {
        double low = a;
        double width = b - (double) a;
        int done = from;
        if (VectorSupport.enabled() && PhiloxVectorKernels.pays()) {
            int blockStart = (int) Math.min(to, from + (-(offset + from) & 3));
            uniform(seed, offset, low, width, out, from, blockStart);
            done = PhiloxVectorKernels.uniform(seed, offset, low, width, out, blockStart, to);
        }
        uniform(seed, offset, low, width, out, done, to);
    }

    /** Mirrors {@link Philox#uniform}: word (index mod 4) of block index/4, top 24 bits. */
    private static void uniform(long seed, long offset, double low, double width, float[] out, int from, int to) {
        int i = from;
        while (i < to) {
            long index = offset + i;
            int[] words = Philox.block(seed, index >>> 2);
            // The block's words serve stream positions up to the next multiple of 4; 2^64 is one
            // too, so a wrapping offset never splits a block.
            int first = (int) (index & 3);
            int end = first + Math.min(4 - first, to - i);
            for (int word = first; word < end; word++, i++) {
                out[i] = (float) (low + width * ((words[word] >>> 8) * TWO_POW_M24));
            }
        }
    }

    /** Mirrors {@link Philox#normal}: pair (index mod 2) of block index/2, Box-Muller cosine branch. */
    private static void normal(long seed, long offset, float mean, float std, float[] out, int from, int to) {
        double mu = mean;
        double sigma = std;
        int i = from;
        while (i < to) {
            long index = offset + i;
            int[] words = Philox.block(seed, index >>> 1);
            int first = (int) (index & 1);
            int end = first + Math.min(2 - first, to - i);
            for (int pair = first; pair < end; pair++, i++) {
                double u1 = ((words[2 * pair] >>> 8) + 1) * TWO_POW_M24;
                double u2 = (words[2 * pair + 1] >>> 8) * TWO_POW_M24;
                out[i] = (float) (mu + sigma * (Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2)));
            }
        }
    }
}
