package org.jgrad.data;

import org.jgrad.backend.Philox;

/**
 * Seeded random permutations, drawn from the project's Philox stream so that the same seed gives
 * the same order on every JVM. Stream {@code s} of seed {@code k} reads Philox blocks with key
 * {@code k} and counters {@code (s << 32) + i}; a loader's epoch e uses stream e, and
 * {@link Datasets} splits use {@link #SPLIT_STREAM}, so a loader and a split with the same seed
 * do not share an order. Fisher-Yates with Lemire's unbiased bounded integers.
 */
final class Permutation {
    /** The stream that dataset splits draw from. */
    static final long SPLIT_STREAM = 0xFFFF_FFFFL;
    private static final long MASK = 0xFFFF_FFFFL;

    private final long seed;
    private final long stream;
    private long block;
    private int[] words;
    private int next = 4;

    private Permutation(long seed, long stream) {
        this.seed = seed;
        this.stream = stream;
    }

    /** A uniformly random order of 0..n-1 for (seed, stream). */
    static int[] shuffled(int n, long seed, long stream) {
        if (stream < 0 || stream > MASK) {
            throw new IllegalArgumentException("stream must be in [0, 2^32), got " + stream);
        }
        int[] order = Indices.identity(n);
        Permutation random = new Permutation(seed, stream);
        for (int i = n - 1; i > 0; i--) {
            int j = random.below(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Uniform in [0, bound), bound >= 1 (Lemire, "Fast random integer generation in an interval", 2019). */
    private int below(int bound) {
        long product = (nextWord() & MASK) * bound;
        long low = product & MASK;
        if (low < bound) {
            long threshold = (MASK + 1 - bound) % bound;
            while (low < threshold) {
                product = (nextWord() & MASK) * bound;
                low = product & MASK;
            }
        }
        return (int) (product >>> 32);
    }

    private int nextWord() {
        if (next == 4) {
            words = Philox.block(seed, (stream << 32) + block++);
            next = 0;
        }
        return words[next++];
    }
}
