package org.jgrad.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits index ranges across threads: as many as the cores, or as {@code -Djgrad.cpu.threads=N}
 * or {@link #setThreads} say (PyTorch's {@code torch.set_num_threads}). Results do not depend on
 * the count: every kernel splits only over independent outputs and sums in a fixed order. Work
 * below {@code grain} items runs on the calling thread: on small tensors, handing work to other threads costs more than it saves. Above it,
 * the caller hands all chunks but the first to the pool and runs the first itself, so it keeps
 * its core busy instead of waiting (a blocked caller left one of two cores idle for the handoff,
 * measured about 40 us per call).
 */
public final class Parallel {
    private static volatile int threads = initialThreads();
    /** Workers for the chunks beyond the caller's own: one fewer than the threads. */
    private static volatile ForkJoinPool pool = newPool(threads);

    private Parallel() {
    }

    /** A body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Number of threads that share a range: the caller and the pool's workers. */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads the CPU kernels use from the next call on (at least 1). Call it
     * between operations, not while one runs on another thread.
     */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + count);
        }
        if (count != threads) {
            ForkJoinPool old = pool;
            pool = newPool(count);
            threads = count;
            old.shutdown();
        }
    }

    private static int initialThreads() {
        String setting = System.getProperty("jgrad.cpu.threads");
        if (setting == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int count = Integer.parseInt(setting.trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-Djgrad.cpu.threads=" + setting + ": expected a whole number of at least 1");
    }

    private static ForkJoinPool newPool(int count) {
        return new ForkJoinPool(Math.max(1, count - 1));
    }

    /** Runs {@code body} over [0, n) in at most {@link #threads()} chunks of at least {@code grain} items. */
    public static void forRange(int n, int grain, RangeBody body) {
        ForkJoinPool workers = pool;
        int chunks = Math.min(threads(), Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || ForkJoinTask.getPool() == workers) {
            body.run(0, n);
            return;
        }
        ForkJoinTask<?>[] others = new ForkJoinTask<?>[chunks - 1];
        for (int chunk = 1; chunk < chunks; chunk++) {
            int from = bound(n, chunks, chunk);
            int to = bound(n, chunks, chunk + 1);
            others[chunk - 1] = workers.submit(() -> body.run(from, to));
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
