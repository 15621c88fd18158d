package org.jgrad.spark;

/**
 * Training stopped on bad input or a diverging worker: names the partition and the global step
 * (0-based; step 0 means before the first update). The last checkpoint written before it is intact.
 */
public final class SparkTrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int partition;
    private final long step;

    public SparkTrainingException(int partition, long step, String problem) {
        super("partition " + partition + ", step " + step + ": " + problem);
        this.partition = partition;
        this.step = step;
    }

    /** The partition (the worker) where it went wrong. */
    public int partition() {
        return partition;
    }

    /** The global step (0-based) at which it went wrong. */
    public long step() {
        return step;
    }
}
