package org.jgrad.opencl;

/** Known {min, max} ranges of INT32 buffer contents; null means unknown. */
final class IndexRange {
    private IndexRange() {
    }

    /** The range of {@code values}. */
    static int[] of(int[] values) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new int[] {min, max};
    }

    /** The range after values of range {@code added} are written over part of a buffer of range {@code old}. */
    static int[] widen(int[] old, int[] added) {
        if (old == null || added == null) {
            return null;
        }
        return new int[] {Math.min(old[0], added[0]), Math.max(old[1], added[1])};
    }

    /** Whether every value of a buffer with range {@code range} is known to lie in [0, bound). */
    static boolean within(int[] range, int bound) {
        return range != null && (range[0] > range[1] || (range[0] >= 0 && range[1] < bound));
    }
}
