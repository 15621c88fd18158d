package org.jgrad.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Splits index ranges across the cores. Work below {@code grain} items runs on the calling
 * thread: on small tensors, handing work to other threads costs more than it saves.
 */
public final class Parallel {
    /** One worker per core; the caller joins and so keeps its core busy too. */
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private Parallel() {
    }

    /** A body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Number of worker threads. */
    public static int threads() {
        return POOL.getParallelism();
    }

    /** Runs {@code body} over [0, n) in at most {@link #threads()} chunks of at least {@code grain} items. */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(threads(), Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || ForkJoinTask.getPool() == POOL) {
            body.run(0, n);
            return;
        }
        POOL.invoke(new Split(body, 0, n, chunks));
    }

    private static final class Split extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient RangeBody body;
        private final int from;
        private final int to;
        private final int chunks;

        Split(RangeBody body, int from, int to, int chunks) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.chunks = chunks;
        }

        @Override
        protected void compute() {
            if (chunks == 1) {
                body.run(from, to);
                return;
            }
            int leftChunks = chunks / 2;
            int mid = from + (int) ((long) (to - from) * leftChunks / chunks);
            invokeAll(new Split(body, from, mid, leftChunks), new Split(body, mid, to, chunks - leftChunks));
        }
    }
}
