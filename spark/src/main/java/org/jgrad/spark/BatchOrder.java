package org.jgrad.spark;

import java.util.SplittableRandom;

/**
 * The order in which a partition visits its examples in one epoch: a Fisher-Yates shuffle seeded
 * by (seed, epoch, partition), so every run, retry and resume draws the same batches.
 */
final class BatchOrder {
    private BatchOrder() {
    }

    /** The example indices of batch {@code stepInEpoch} (size {@code batchSize}) of {@code partition} in {@code epoch}. */
    static int[] batch(long seed, int epoch, int partition, int examples, int batchSize, int stepInEpoch) {
        int[] order = epochOrder(seed, epoch, partition, examples);
        int[] rows = new int[batchSize];
        System.arraycopy(order, stepInEpoch * batchSize, rows, 0, batchSize);
        return rows;
    }

    /** A permutation of 0..examples-1. */
    static int[] epochOrder(long seed, int epoch, int partition, int examples) {
        long mixed = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + partition * 0x165667B19E3779F9L;
        SplittableRandom random = new SplittableRandom(mixed);
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = i;
        }
        for (int i = examples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
