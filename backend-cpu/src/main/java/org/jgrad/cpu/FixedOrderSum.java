package org.jgrad.cpu;

import java.util.Arrays;

/**
 * The one summation order of a row, whatever the thread count or kernel path: the row is cut
 * into blocks of {@link #BLOCK} elements from its start; within a block, element i goes to lane
 * i mod {@link #LANES} (float), the lanes are added as a tree (lane j += lane j + 8, then + 4, + 2,
 * + 1), and the block sums are added in order in float64 and rounded once. Blocks are independent,
 * so threads may take any of them; {@link VectorReduce#blockLanes} fills the lanes a vector at a time.
 */
final class FixedOrderSum {
    static final int LANES = 16;
    static final int BLOCK = 1 << 14;
    /**
     * Each thread's lanes, reused: an array a block was most of what a training step's reductions
     * left for the collector (docs/PERFORMANCE.md, <i>Fresh heap pages</i>).
     */
    private static final ThreadLocal<float[]> THREAD_LANES = ThreadLocal.withInitial(() -> new float[LANES]);

    private FixedOrderSum() {
    }

    /** Sum of x[from, from + n) on the calling thread. */
    static float sum(float[] x, int from, int n) {
        double total = 0;
        for (int start = from; start < from + n; start += BLOCK) {
            total += block(x, start, Math.min(BLOCK, from + n - start));
        }
        return (float) total;
    }

    /** Sum of x[from, from + n) with its blocks shared among the threads: the same bits as {@link #sum}. */
    static float parallelSum(float[] x, int from, int n) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        float[] sums = new float[blocks];
        Parallel.forRange(blocks, 1, (b0, b1) -> {
            for (int b = b0; b < b1; b++) {
                int start = from + b * BLOCK;
                sums[b] = block(x, start, Math.min(BLOCK, from + n - start));
            }
        });
        double total = 0;
        for (float s : sums) {
            total += s;
        }
        return (float) total;
    }

    private static float block(float[] x, int from, int n) {
        float[] lanes = THREAD_LANES.get();
        Arrays.fill(lanes, 0f);
        int done = VectorSupport.enabled() ? VectorReduce.blockLanes(x, from, n, lanes) : 0;
        for (; done + LANES <= n; done += LANES) {
            for (int j = 0; j < LANES; j++) {
                lanes[j] += x[from + done + j];
            }
        }
        for (int j = 0; done < n; done++, j++) {
            lanes[j] += x[from + done];
        }
        for (int width = LANES / 2; width >= 1; width /= 2) {
            for (int j = 0; j < width; j++) {
                lanes[j] += lanes[j + width];
            }
        }
        return lanes[0];
    }
}
