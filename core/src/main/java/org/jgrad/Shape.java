package org.jgrad;

import java.util.Arrays;

/** Static helpers on shapes (int[] of dimension sizes, row-major). */
public final class Shape {
    private Shape() {
    }

    /** Number of elements; 1 for a scalar shape []. */
    public static int numel(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n
                    + " elements; at most " + Integer.MAX_VALUE + " fit one tensor");
        }
        return (int) n;
    }

    /** Contiguous row-major strides of {@code shape}. */
    public static int[] strides(int... shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /**
     * The NumPy broadcast of two shapes.
     *
     * @throws IllegalArgumentException naming {@code op} and both shapes when they do not broadcast
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " cannot be broadcast (dimension " + i + " of the result: " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides that read a contiguous tensor of shape {@code in} as if broadcast to {@code out}: 0 where broadcast. */
    public static int[] broadcastStrides(int[] in, int[] out) {
        int[] inStrides = strides(in);
        int[] result = new int[out.length];
        int lead = out.length - in.length;
        for (int i = lead; i < out.length; i++) {
            result[i] = in[i - lead] == 1 && out[i] != 1 ? 0 : inStrides[i - lead];
        }
        return result;
    }

    /** {@code dim} made non-negative for a tensor of rank {@code rank}; Python-style negatives count from the end. */
    public static int normalizeDim(String op, int dim, int rank) {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= rank) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for a tensor of rank " + rank
                    + " (expected " + -rank + " to " + (rank - 1) + ")");
        }
        return d;
    }

    /** Product of shape[from, to). */
    public static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    /** The multi-index of row-major position {@code flat} in {@code shape}. */
    public static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    public static String toString(int[] shape) {
        return Arrays.toString(shape);
    }
}
