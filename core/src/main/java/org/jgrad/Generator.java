package org.jgrad;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded source of random streams, as PyTorch's {@code torch.Generator}: each draw of n numbers
 * takes the next n positions of the counter-based Philox stream for this seed, so a program that
 * draws in the same order gets the same numbers on every backend and every run.
 */
public final class Generator {
    private static volatile Generator global = new Generator(0);

    private final long seed;
    private final AtomicLong offset = new AtomicLong();

    public Generator(long seed) {
        this.seed = seed;
    }

    /** The process-wide generator that layers use for initial weights unless given one (seed 0 at start). */
    public static Generator global() {
        return global;
    }

    /** Restarts the global generator with {@code seed}, as PyTorch's {@code torch.manual_seed}. */
    public static void manualSeed(long seed) {
        global = new Generator(seed);
    }

    public long seed() {
        return seed;
    }

    /** Reserves {@code count} stream positions and returns the first. */
    public long advance(long count) {
        return offset.getAndAdd(count);
    }

    /** Stream positions used so far. */
    public long offset() {
        return offset.get();
    }
}
