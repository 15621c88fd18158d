package org.jgrad;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded source of random streams, as PyTorch's {@code torch.Generator}: each draw of n numbers
 * takes the next n positions of the counter-based Philox stream for this seed, so a program that
 * draws in the same order gets the same numbers on every backend and every run.
 */
public final class Generator {
    private final long seed;
    private final AtomicLong offset = new AtomicLong();

    public Generator(long seed) {
        this.seed = seed;
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
