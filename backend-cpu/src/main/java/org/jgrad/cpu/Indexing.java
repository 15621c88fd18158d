package org.jgrad.cpu;

/**
 * Gather and scatter-add along the middle axis of (outer, size, inner) views. Every index is
 * checked before anything is written, so a bad index leaves the output as it was.
 */
final class Indexing {
    /** Elements per thread below which work stays on the calling thread. */
    private static final int GRAIN = 1 << 15;

    private Indexing() {
    }

    /** out(o, j, i) = src(o, index(o, j, i), i). */
    static void gather(float[] src, int outer, int srcSize, int inner, int[] index, int indexSize, float[] out) {
        checkShape("gather", "src", src.length, outer, srcSize, inner);
        checkShape("gather", "out", out.length, outer, indexSize, inner);
        checkIndices("gather", index, outer, indexSize, inner, srcSize);
        // Rows are (o, j) runs of inner contiguous elements, each written by one thread.
        Parallel.forRange(outer * indexSize, Math.max(1, GRAIN / Math.max(1, inner)), (from, to) -> {
            for (int row = from; row < to; row++) {
                int srcPlane = row / indexSize * srcSize;
                int at = row * inner;
                for (int i = 0; i < inner; i++, at++) {
                    out[at] = src[(srcPlane + index[at]) * inner + i];
                }
            }
        });
    }

    /** out(o, index(o, j, i), i) += src(o, j, i). */
    static void scatterAdd(float[] src, int outer, int indexSize, int inner, int[] index, int outSize, float[] out) {
        checkShape("scatterAdd", "src", src.length, outer, indexSize, inner);
        checkShape("scatterAdd", "out", out.length, outer, outSize, inner);
        checkIndices("scatterAdd", index, outer, indexSize, inner, outSize);
        if (outer == 0 || inner == 0) {
            return; // nothing to add, and the column split below divides by inner
        }
        // Column (o, i) of out receives only from column (o, i) of src, so threads split the columns;
        // each column adds its j in order, so repeated indices sum the same way on any thread count.
        Parallel.forRange(outer * inner, Math.max(1, GRAIN / Math.max(1, indexSize)), (from, to) -> {
            for (int o = from / inner; o * inner < to; o++) {
                int first = Math.max(from - o * inner, 0);
                int end = Math.min(to - o * inner, inner);
                for (int j = 0; j < indexSize; j++) {
                    int row = (o * indexSize + j) * inner;
                    for (int i = first; i < end; i++) {
                        out[(o * outSize + index[row + i]) * inner + i] += src[row + i];
                    }
                }
            }
        });
    }

    private static void checkShape(String op, String name, int length, int outer, int size, int inner) {
        if (outer < 0 || size < 0 || inner < 0) {
            throw new IllegalArgumentException(op + ": negative extent in (outer " + outer + ", size " + size
                    + ", inner " + inner + ")");
        }
        long needed = (long) outer * size * inner;
        if (length < needed) {
            throw new IllegalArgumentException(op + ": " + name + " buffer has " + length
                    + " elements, the view (outer " + outer + ", size " + size + ", inner " + inner + ") needs " + needed);
        }
    }

    private static void checkIndices(String op, int[] index, int outer, int indexSize, int inner, int bound) {
        checkShape(op, "index", index.length, outer, indexSize, inner);
        int count = outer * indexSize * inner;
        for (int at = 0; at < count; at++) {
            int value = index[at];
            if (value < 0 || value >= bound) {
                int i = at % inner;
                int j = at / inner % indexSize;
                int o = at / inner / indexSize;
                throw new IndexOutOfBoundsException(op + ": index " + value + " at position (" + o + ", " + j + ", "
                        + i + ") of the (outer " + outer + ", size " + indexSize + ", inner " + inner
                        + ") index is outside the valid range [0, " + bound + ")");
            }
        }
    }
}
