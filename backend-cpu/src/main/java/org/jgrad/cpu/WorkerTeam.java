package org.jgrad.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run {@link Parallel}'s chunks beside the caller: a fixed team whose workers,
 * after a chunk, wait for the next one spinning for {@code spinNanos} before they park, as
 * OpenMP's do. A training step hands out chunks every few tens of microseconds; a parked thread
 * took about 10 us (median, 35 at the 90th percentile) to wake on the 2-core VM, time in which
 * the caller's own chunk ran alone. A chunk no worker has started when the caller's own ends is
 * run by the caller, so a worker the OS keeps off its core costs no waiting. One region at a
 * time: a caller that finds the team busy (a second training thread, or a chunk that itself
 * forks) runs its whole range itself, and the workers stop spinning for a while.
 */
final class WorkerTeam {
    private static final long CONTENTION_MEMORY_NANOS = 1_000_000_000L;
    private final Worker[] workers;
    private final long spinNanos;
    private final AtomicBoolean busy = new AtomicBoolean();
    /**
     * When a caller last found the team busy, or the team last passed from one caller thread to
     * another (several threads training at once, as Spark's local mode runs its tasks): for a
     * second after, workers park at once instead of spinning, since a spinning worker then takes
     * the core another caller needs (Spark's local[2] MNIST ran at three quarters of its speed
     * with workers spinning).
     */
    private volatile long lastContended = System.nanoTime() - CONTENTION_MEMORY_NANOS;
    /**
     * The caller of the region running now, or of the last one: regions from several threads in
     * turn count as contention, a range the caller forks inside its own chunk does not.
     */
    private volatile Thread lastCaller;

    WorkerTeam(int size, long spinNanos) {
        this.spinNanos = spinNanos;
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker("jgrad-cpu-" + (i + 1));
            workers[i].start();
        }
    }

    /**
     * Runs {@code body} over the chunks [bounds[c], bounds[c + 1]): chunk 0 on the calling thread,
     * the others on workers. Returns false, having run nothing, when the team is busy or the
     * caller is one of its workers. Every chunk has ended when this returns or throws.
     */
    boolean run(int[] bounds, Parallel.RangeBody body) {
        int chunks = bounds.length - 1;
        if (chunks - 1 > workers.length || Thread.currentThread() instanceof Worker) {
            return false;
        }
        Thread caller = Thread.currentThread();
        if (!busy.compareAndSet(false, true)) {
            if (lastCaller != caller) {
                lastContended = System.nanoTime();
            }
            return false;
        }
        if (lastCaller != caller) {
            if (lastCaller != null) {
                lastContended = System.nanoTime();
            }
            lastCaller = caller;
        }
        try {
            for (int c = 1; c < chunks; c++) {
                int from = bounds[c];
                int to = bounds[c + 1];
                workers[c - 1].hand(() -> body.run(from, to));
            }
            Throwable failure = null;
            try {
                body.run(bounds[0], bounds[1]);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int c = 1; c < chunks; c++) {
                Throwable other = workers[c - 1].awaitDone();
                failure = failure == null ? other : failure;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("a parallel chunk failed", failure);
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    /** Ends the workers once they are idle. */
    void shutdown() {
        for (Worker worker : workers) {
            worker.hand(null);
        }
    }

    /**
     * One worker: a task slot it polls, then parks on. A chunk handed to it is claimed once, by the
     * worker or by the caller: a caller whose own chunk ended before the worker started (a worker
     * that the OS has not scheduled yet, on a loaded machine) runs it itself instead of waiting.
     */
    private final class Worker extends Thread {
        private static final int IDLE = 0;
        private static final int HANDED = 1;
        private static final int RUNNING = 2;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile Runnable task;
        private volatile boolean parked;
        private volatile boolean stopping;
        private Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        /** Gives the worker its next chunk (null: stop once idle). */
        void hand(Runnable next) {
            if (next == null) {
                stopping = true;
                LockSupport.unpark(this);
                return;
            }
            task = next;
            state.set(HANDED);
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        /**
         * Runs the chunk here if the worker has not claimed it, else waits for it to end (spinning:
         * the caller's core has nothing else to do); returns the chunk's failure.
         */
        Throwable awaitDone() {
            if (state.compareAndSet(HANDED, IDLE)) {
                try {
                    task.run();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }
            for (int spins = 0; state.get() != IDLE; spins++) {
                if (spins < 1 << 12) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable result = failure;
            failure = null;
            return result;
        }

        @Override
        public void run() {
            while (awaitHanded()) {
                if (state.compareAndSet(HANDED, RUNNING)) {
                    try {
                        task.run();
                    } catch (Throwable t) {
                        failure = t;
                    }
                    state.set(IDLE);
                }
            }
        }

        /** Waits until a chunk is handed (spinning, then parked); false when the team shuts down. */
        private boolean awaitHanded() {
            long now = System.nanoTime();
            long spinUntil = now - lastContended < CONTENTION_MEMORY_NANOS ? now : now + spinNanos;
            while (state.get() != HANDED && !stopping && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            while (state.get() != HANDED && !stopping) {
                parked = true;
                if (state.get() != HANDED && !stopping) {
                    LockSupport.park(this);
                }
                parked = false;
            }
            return !stopping;
        }
    }
}
