package org.jgrad;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;

/**
 * Frees the buffers of storages that became unreachable without being closed (the safety net of
 * {@link Storage}). Like a {@link java.lang.ref.Cleaner}, a daemon thread frees them as the
 * garbage collector finds them; unlike it, every allocation also frees what the collector has
 * found, so a loop that drops tensors without closing them cannot outrun one busy thread, and an
 * allocation that runs out of heap collects, frees what was dropped and tries once more.
 */
final class Reclaimer {
    private static final ReferenceQueue<Storage> QUEUE = new ReferenceQueue<>();
    /** Keeps each registration reachable until its buffer is freed. */
    private static final Set<Registration> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicLong FREED = new AtomicLong();
    private static final long SETTLE_MILLIS = 1000;

    static {
        Thread thread = new Thread(Reclaimer::freeForever, "jgrad-reclaimer");
        thread.setDaemon(true);
        thread.start();
    }

    private Reclaimer() {
    }

    /** The buffer of one storage: freed once, by {@link Storage#release} or after the storage became unreachable. */
    static final class Registration extends PhantomReference<Storage> {
        private final Backend backend;
        private final Buffer buffer;
        private final AtomicBoolean freed = new AtomicBoolean();

        private Registration(Storage storage, Backend backend, Buffer buffer) {
            super(storage, QUEUE);
            this.backend = backend;
            this.buffer = buffer;
        }

        void free() {
            if (freed.compareAndSet(false, true)) {
                PENDING.remove(this);
                clear();
                backend.free(buffer);
                FREED.incrementAndGet();
            }
        }
    }

    static Registration register(Storage storage, Backend backend, Buffer buffer) {
        Registration registration = new Registration(storage, backend, buffer);
        PENDING.add(registration);
        return registration;
    }

    /**
     * Allocates through {@code backend} after freeing what the collector found dropped; when the
     * heap is exhausted, collects, frees the dropped buffers and tries once more.
     */
    static Buffer allocate(Backend backend, DType dtype, int length, boolean zeroed) {
        freeFound();
        try {
            return zeroed ? backend.allocate(dtype, length) : backend.allocateUninitialized(dtype, length);
        } catch (OutOfMemoryError e) {
            collectAndFree();
            return zeroed ? backend.allocate(dtype, length) : backend.allocateUninitialized(dtype, length);
        }
    }

    private static void freeFound() {
        for (Registration r = (Registration) QUEUE.poll(); r != null; r = (Registration) QUEUE.poll()) {
            r.free();
        }
    }

    /** Runs the collector and frees what it finds until a round frees nothing (bounded in time). */
    private static void collectAndFree() {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        long before;
        do {
            before = FREED.get();
            System.gc();
            try {
                Thread.sleep(10); // the reference handler enqueues what the collection found
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            freeFound();
        } while (FREED.get() != before && System.nanoTime() < deadline);
    }

    private static void freeForever() {
        while (true) {
            try {
                ((Registration) QUEUE.remove()).free();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.getLogger(Reclaimer.class.getName()).log(System.Logger.Level.WARNING,
                        "freeing a dropped tensor's buffer failed", e);
            }
        }
    }
}
