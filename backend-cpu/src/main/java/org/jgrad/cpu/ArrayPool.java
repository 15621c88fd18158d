package org.jgrad.cpu;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Recycles the large float arrays of freed buffers. A training step allocates and frees the same
 * activation-sized buffers every step; a fresh multi-megabyte array is a new humongous or eden
 * allocation whose pages the OS must fault in again (and whose zeroing runs through cold memory),
 * which on small VMs cost more than the kernels that write them. A recycled array is zeroed warm
 * for {@link CpuBackend#allocate} and handed out as it is for {@link CpuBackend#allocateUninitialized}. Small arrays are left to the
 * JVM's thread-local allocation, and the pool holds at most {@link #CAPACITY_BYTES} in all.
 */
final class ArrayPool {
    /**
     * Arrays below this many elements (4 KiB, a page) are left to the JVM's thread-local allocation.
     * At 64 KiB, the MNIST MLP's [128, 10] logits and their gradients were about 60 KB of garbage a
     * step; where a fresh heap page costs a slow fault (a nested VM), a JVM whose heap G1 had just
     * grown ran at half speed for epochs, touching new pages (docs/PERFORMANCE.md, <i>Fresh heap pages</i>).
     */
    static final int MIN_LENGTH = 1 << 10;
    /** Upper bound on the bytes held: an eighth of the heap, at most 1 GiB. */
    static final long CAPACITY_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 8);

    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private long heldBytes;

    /**
     * An array of {@code length} floats, recycled when one of that length is pooled; a recycled
     * array is zeroed when {@code zeroed}, else it keeps its old contents for a caller that
     * overwrites them all.
     */
    float[] take(int length, boolean zeroed) {
        if (length >= MIN_LENGTH) {
            float[] a;
            synchronized (this) {
                ArrayDeque<float[]> q = free.get(length);
                a = q == null ? null : q.pollLast();
                if (a != null) {
                    heldBytes -= 4L * length;
                }
            }
            if (a != null) {
                if (zeroed) {
                    Arrays.fill(a, 0f);
                }
                return a;
            }
        }
        try {
            return new float[length];
        } catch (OutOfMemoryError e) {
            drop();
            return new float[length];
        }
    }

    /** Lets the collector have every pooled array: the heap is short. */
    private synchronized void drop() {
        free.clear();
        heldBytes = 0;
    }

    /** Hands back an array no buffer refers to any more; dropped when small or when the pool is full. */
    void give(float[] a) {
        if (a == null || a.length < MIN_LENGTH) {
            return;
        }
        synchronized (this) {
            if (heldBytes + 4L * a.length > CAPACITY_BYTES) {
                return;
            }
            free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).addLast(a);
            heldBytes += 4L * a.length;
        }
    }
}
