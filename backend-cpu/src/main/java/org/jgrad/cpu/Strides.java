package org.jgrad.cpu;

import java.util.Arrays;

/** Checks on the shapes, strides, offsets and lengths the primitives receive, with messages that say what was wrong. */
final class Strides {
    private Strides() {
    }

    /** The number of elements of {@code shape}; fails on a negative dimension or a count beyond int. */
    static int elementCount(String op, int[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape is null");
        }
        long count = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Arrays.toString(shape));
            }
            count *= dim;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " has more than "
                        + Integer.MAX_VALUE + " elements");
            }
        }
        return (int) count;
    }

    /**
     * Fails unless every element that {@code offset + index . strides} addresses for an index of
     * {@code shape} lies in a buffer of {@code length} elements.
     */
    static void checkOperand(String op, String operand, int[] shape, int offset, int[] strides, int length) {
        if (strides == null || strides.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + operand + " has strides " + Arrays.toString(strides)
                    + " for shape " + Arrays.toString(shape) + "; expected one stride per dimension");
        }
        long lowest = offset;
        long highest = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return;
            }
            long reach = (long) (shape[d] - 1) * strides[d];
            lowest += Math.min(0, reach);
            highest += Math.max(0, reach);
        }
        if (lowest < 0 || highest >= length) {
            throw new IllegalArgumentException(op + ": " + operand + " addresses elements " + lowest + " to " + highest
                    + " but its buffer has " + length + " (shape " + Arrays.toString(shape) + ", offset " + offset
                    + ", strides " + Arrays.toString(strides) + ")");
        }
    }

    /** Fails unless a buffer that must hold exactly {@code expected} elements does. */
    static void checkLength(String op, String operand, int length, int expected) {
        checkLength(op, operand, length, "expected", expected);
    }

    /**
     * Fails unless {@code length == expected}, saying where the expected length comes from:
     * "op: operand has 5 elements, {@code reference} 6" (reference "expected", "param has", ...).
     */
    static void checkLength(String op, String operand, int length, String reference, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(op + ": " + operand + " has " + length + " elements, " + reference + " "
                    + expected);
        }
    }
}
