package org.jgrad.cpu;

/**
 * Splits index ranges across threads: as many as the cores, or as {@code -Djgrad.cpu.threads=N}
 * or {@link #setThreads} say (PyTorch's {@code torch.set_num_threads}). Results do not depend on
 * the count: every kernel splits only over independent outputs and sums in a fixed order. Work
 * below {@code grain} items runs on the calling thread: on small tensors, handing work to other
 * threads costs more than it saves. Above it, the caller hands all chunks but the first to a
 * {@link WorkerTeam} and runs the first itself, so it keeps its core busy instead of waiting.
 * The team's workers spin {@code -Djgrad.cpu.spinMicros} (default 100) after each chunk before
 * they sleep, as OpenMP's threads do; 0 makes them sleep at once (a machine shared with other jobs).
 */
public final class Parallel {
    private static final long SPIN_NANOS = spinMicros() * 1000L;
    private static volatile int threads = initialThreads();
    /** Workers for the chunks beyond the caller's own: one fewer than the threads. */
    private static volatile WorkerTeam team = new WorkerTeam(threads - 1, SPIN_NANOS);

    private Parallel() {
    }

    /** A body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Number of threads that share a range: the caller and the team's workers. */
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
            WorkerTeam old = team;
            team = new WorkerTeam(count - 1, SPIN_NANOS);
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

    private static long spinMicros() {
        String setting = System.getProperty("jgrad.cpu.spinMicros", "100");
        try {
            long micros = Long.parseLong(setting.trim());
            if (micros >= 0) {
                return micros;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-Djgrad.cpu.spinMicros=" + setting + ": expected a whole number of at least 0");
    }

    /** Runs {@code body} over [0, n) in at most {@link #threads()} chunks of at least {@code grain} items. */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(threads(), Math.max(1, n / Math.max(1, grain)));
        if (chunks > 1) {
            int[] bounds = new int[chunks + 1];
            for (int chunk = 0; chunk <= chunks; chunk++) {
                bounds[chunk] = bound(n, chunks, chunk);
            }
            if (team.run(bounds, body)) {
                return;
            }
        }
        body.run(0, n);
    }

    /** Start of chunk {@code chunk} of {@code chunks} near-equal parts of [0, n). */
    private static int bound(int n, int chunks, int chunk) {
        return (int) ((long) n * chunk / chunks);
    }
}
