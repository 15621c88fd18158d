package org.jgrad.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run {@link Parallel}'s chunks beside the caller: a fixed team whose workers,
 * after a chunk, wait for the next one spinning for {@code spinNanos} before they park, as
 * OpenMP's do. A training step hands out chunks every few tens of microseconds; a parked thread
 * took about 10 us (median, 35 at the 90th percentile) to wake on the 2-core VM, time in which
 * the caller's own chunk ran alone. One region at a time: a caller that finds the team busy (a
 * second training thread, or a chunk that itself forks) runs its whole range itself.
 */
final class WorkerTeam {
    private final Worker[] workers;
    private final long spinNanos;
    private final AtomicBoolean busy = new AtomicBoolean();

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
        if (chunks - 1 > workers.length || Thread.currentThread() instanceof Worker || !busy.compareAndSet(false, true)) {
            return false;
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

    /** One worker: a task slot it polls, then parks on. */
    private final class Worker extends Thread {
        private volatile Runnable task;
        private volatile boolean done = true;
        private volatile boolean parked;
        private volatile boolean stopping;
        private Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        /** Gives the worker its next chunk (null: stop). */
        void hand(Runnable next) {
            done = false;
            stopping = next == null;
            task = next == null ? () -> { } : next;
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        /** Waits for the chunk to end (spinning: the caller's core has nothing else to do) and returns its failure. */
        Throwable awaitDone() {
            for (int spins = 0; !done; spins++) {
                if (spins < 1 << 16) {
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
            while (true) {
                Runnable next = await();
                try {
                    next.run();
                } catch (Throwable t) {
                    failure = t;
                }
                task = null;
                done = true;
                if (stopping) {
                    return;
                }
            }
        }

        private Runnable await() {
            long spinUntil = System.nanoTime() + spinNanos;
            Runnable next;
            while ((next = task) == null && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            while (next == null) {
                parked = true;
                next = task;
                if (next == null) {
                    LockSupport.park(this);
                    next = task;
                }
                parked = false;
            }
            return next;
        }
    }
}
