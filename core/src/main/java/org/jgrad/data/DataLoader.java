package org.jgrad.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Hands out a dataset in batches, one pass (epoch) per iteration, as PyTorch's {@code DataLoader}.
 * Batch size 1 is stochastic gradient descent, the whole dataset ({@code dataset.size()}) is
 * batch gradient descent, anything between is mini-batch; a batch size above the dataset's size
 * gives one batch of everything.
 *
 * <pre>{@code
 * DataLoader loader = new DataLoader(train, 32).shuffle(42).dropLast(true);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     for (Batch batch : loader) {
 *         try (batch; Scope step = Scope.open()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>Every example appears exactly once per epoch (the last batch may be smaller unless
 * {@link #dropLast} drops it). With {@link #shuffle(long)}, epoch e visits the examples in an
 * order that depends only on the seed and e: each epoch differs, and a rerun with the same seed
 * repeats them all. Each {@link #iterator()} call runs the next epoch (0, 1, 2, ...);
 * {@link #setEpoch} moves that counter, for resuming. Batches are built as they are taken, and
 * the caller owns (closes) each one. A loader is configured once, then used on one thread.
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final int batchSize;
    private boolean shuffle;
    private long seed;
    private boolean dropLast;
    private int nextEpoch;

    /** Batches of {@code batchSize} examples in dataset order, keeping a smaller last batch. */
    public DataLoader(Dataset dataset, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batchSize must be >= 1, got " + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
    }

    /** Shuffles every epoch, by {@code seed} and the epoch number. Returns this loader. */
    public DataLoader shuffle(long seed) {
        this.shuffle = true;
        this.seed = seed;
        return this;
    }

    /** Drops the last batch of an epoch when it is smaller than the batch size. Returns this loader. */
    public DataLoader dropLast(boolean drop) {
        this.dropLast = drop;
        return this;
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch. */
    public int numBatches() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The epoch that the next {@link #iterator()} call runs. */
    public int nextEpoch() {
        return nextEpoch;
    }

    /** Makes the next {@link #iterator()} call run {@code epoch}, e.g. when resuming training. */
    public void setEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
        }
        this.nextEpoch = epoch;
    }

    /** The order in which {@code epoch} visits the dataset's examples (dropped ones included). */
    public int[] order(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
        }
        return shuffle ? Permutation.shuffled(dataset.size(), seed, epoch) : Indices.identity(dataset.size());
    }

    /** The batches of {@code epoch}, leaving the epoch counter alone. */
    public Iterable<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        return () -> new Batches(order);
    }

    /** The batches of the next epoch; advances the epoch counter. */
    @Override
    public Iterator<Batch> iterator() {
        return epoch(nextEpoch++).iterator();
    }

    private final class Batches implements Iterator<Batch> {
        private final int[] order;
        private final int count = numBatches();
        private int taken;

        Batches(int[] order) {
            this.order = order;
        }

        @Override
        public boolean hasNext() {
            return taken < count;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch's " + count + " batches have all been taken");
            }
            int start = taken++ * batchSize;
            return dataset.batch(Arrays.copyOfRange(order, start, Math.min(start + batchSize, order.length)));
        }
    }
}
