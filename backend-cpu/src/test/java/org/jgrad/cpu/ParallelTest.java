package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int defaultThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(defaultThreads);
    }

    @Test
    void everyIndexRunsOnceOnTheCallerOrTheTeam() {
        Parallel.setThreads(4);
        String caller = Thread.currentThread().getName();
        for (int round = 0; round < 200; round++) {
            AtomicIntegerArray hits = new AtomicIntegerArray(1000);
            var names = ConcurrentHashMap.<String>newKeySet();
            Parallel.forRange(1000, 1, (from, to) -> {
                names.add(Thread.currentThread().getName());
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, hits.get(i), "index " + i + " in round " + round);
            }
            for (String name : names) {
                assertTrue(name.equals(caller) || name.startsWith("jgrad-cpu-"), name);
            }
        }
    }

    @Test
    void workersRunChunksWhileTheCallerRunsItsOwn() {
        Parallel.setThreads(4);
        CountDownLatch others = new CountDownLatch(3);
        var names = ConcurrentHashMap.<String>newKeySet();
        Parallel.forRange(4, 1, (from, to) -> {
            if (from == 0) {
                try {
                    assertTrue(others.await(30, TimeUnit.SECONDS), "the other chunks ran while the caller's waited");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            } else {
                names.add(Thread.currentThread().getName());
                others.countDown();
            }
        });
        assertEquals(3, names.size(), "three workers: " + names);
    }

    @Test
    void aWorkersFailureReachesTheCallerAfterEveryChunkEnded() {
        Parallel.setThreads(2);
        AtomicIntegerArray ended = new AtomicIntegerArray(2);
        IllegalStateException failure = new IllegalStateException("chunk 1 failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Parallel.forRange(2, 1, (from, to) -> {
            if (from == 1) {
                throw failure;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.set(from, 1);
        }));
        assertSame(failure, thrown);
        assertEquals(1, ended.get(0), "the caller's own chunk finished before the failure was thrown");
        AtomicIntegerArray hits = new AtomicIntegerArray(2);
        Parallel.forRange(2, 1, (from, to) -> hits.incrementAndGet(from));
        assertEquals(1, hits.get(0), "the team works after a failure");
        assertEquals(1, hits.get(1), "the team works after a failure");
    }

    @Test
    void aRangeForkedInsideAChunkRunsOnItsThread() {
        Parallel.setThreads(2);
        AtomicIntegerArray inner = new AtomicIntegerArray(200);
        Parallel.forRange(2, 1, (from, to) -> {
            String outer = Thread.currentThread().getName();
            Parallel.forRange(100, 1, (a, b) -> {
                assertEquals(outer, Thread.currentThread().getName());
                for (int i = a; i < b; i++) {
                    inner.incrementAndGet(from * 100 + i);
                }
            });
        });
        for (int i = 0; i < 200; i++) {
            assertEquals(1, inner.get(i));
        }
    }

    @Test
    void callersOnSeveralThreadsAllFinish() throws InterruptedException {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(4 * 500);
        Thread[] callers = new Thread[4];
        for (int t = 0; t < callers.length; t++) {
            int base = t * 500;
            callers[t] = new Thread(() -> {
                for (int round = 0; round < 50; round++) {
                    int start = base + round * 10;
                    Parallel.forRange(10, 1, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            hits.incrementAndGet(start + i);
                        }
                    });
                }
            });
            callers[t].start();
        }
        for (Thread caller : callers) {
            caller.join(60_000);
            assertTrue(!caller.isAlive(), "a caller is stuck");
        }
        for (int i = 0; i < hits.length(); i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
    }
}
