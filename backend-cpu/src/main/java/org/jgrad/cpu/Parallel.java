package org.jgrad.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits index ranges across the cores. Work below {@code grain} items runs on the calling
 * thread: on small tensors, handing work to other threads costs more than it saves. Above it,
 * the caller hands all chunks but the first to the pool and runs the first itself, so it keeps
 * its core busy instead of waiting (a blocked caller left one of two cores idle for the handoff,
 * measured about 40 us per call).
 */
public final class Parallel {
    /** Workers for the chunks beyond the caller's own: one fewer than the cores. */
    private static final ForkJoinPool POOL =
            new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    private Parallel() {
    }

    /** A body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Number of threads that share a range: the caller and the pool's workers. */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code body} over [0, n) in at most {@link #threads()} chunks of at least {@code grain} items. */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(threads(), Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || ForkJoinTask.getPool() == POOL) {
            body.run(0, n);
            return;
        }
        ForkJoinTask<?>[] others = new ForkJoinTask<?>[chunks - 1];
        for (int chunk = 1; chunk < chunks; chunk++) {
            int from = bound(n, chunks, chunk);
            int to = bound(n, chunks, chunk + 1);
            others[chunk - 1] = POOL.submit(() -> body.run(from, to));
        }
        try {
            body.run(0, bound(n, chunks, 1));
        } finally {
            // Every chunk ends before this call returns, even when one of them failed.
            for (ForkJoinTask<?> task : others) {
                task.quietlyJoin();
            }
        }
        for (ForkJoinTask<?> task : others) {
            task.join();
        }
    }

    /** Start of chunk {@code chunk} of {@code chunks} near-equal parts of [0, n). */
    private static int bound(int n, int chunks, int chunk) {
        return (int) ((long) n * chunk / chunks);
    }
}
