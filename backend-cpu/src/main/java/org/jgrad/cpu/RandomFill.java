package org.jgrad.cpu;

import java.util.concurrent.atomic.AtomicInteger;
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
    /** Uniform fills before the vector fill is warmed: more than a model's initial weights take. */
    private static final int SCALAR_FILLS = 256;
    private static final AtomicInteger FILLS = new AtomicInteger();

    private RandomFill() {
    }

    static void fill(Distribution dist, long seed, long offset, float a, float b, float[] out) {
        if (dist == Distribution.UNIFORM) {
            boolean vector = vectorReady();
            Parallel.forRange(out.length, UNIFORM_GRAIN, (from, to) -> uniform(vector, seed, offset, a, b, out, from, to));
        } else {
            Parallel.forRange(out.length, NORMAL_GRAIN, (from, to) -> normal(seed, offset, a, b, out, from, to));
        }
    }

    /**
     * With {@code vector}, whole blocks go to {@link PhiloxVectorKernels}; the rest, and normals
     * (whose log and cos must be Java's own to match Philox), stay scalar.
     */
    private static void uniform(boolean vector, long seed, long offset, float a, float b, float[] out, int from, int to) {
        double low = a;
        double width = b - (double) a;
        int done = from;
        if (vector) {
            int blockStart = (int) Math.min(to, from + (-(offset + from) & 3));
            uniform(seed, offset, low, width, out, from, blockStart);
            done = PhiloxVectorKernels.uniform(seed, offset, low, width, out, blockStart, to);
        }
        uniform(seed, offset, low, width, out, done, to);
    }

    /**
     * Whether this uniform fill takes {@link PhiloxVectorKernels}: where it pays, once compiled.
     * Before C2, the vector fill runs the Vector API's fallback (an MLP's 200K initial weights took
     * about 1.5 s there; compiled, 1.7 ns a uniform, against 4.4 for scalar code). Only a job that
     * keeps filling (dropout masks every step) has the fill warmed: one that fills only its initial
     * weights stays scalar rather than pay for the warm-up in its first epoch (docs/PERFORMANCE.md,
     * "Chains that start from zeros").
     */
    private static boolean vectorReady() {
        if (!VectorSupport.enabled() || !PhiloxVectorKernels.pays()) {
            return false;
        }
        boolean filling = FILLS.get() > SCALAR_FILLS || FILLS.incrementAndGet() > SCALAR_FILLS;
        return filling ? VectorSupport.randomReady() : KernelWarmup.isCompiled(KernelFamily.RANDOM);
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
                out[i] = (float) (mu + sigma * (Math.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2)));
            }
        }
    }
}
