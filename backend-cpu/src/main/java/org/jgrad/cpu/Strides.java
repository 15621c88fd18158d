package org.jgrad.cpu;

import org.jgrad.backend.Extents;

/** Checks on the shapes, strides, offsets and lengths the primitives receive (the shared ones are {@link Extents}'). */
final class Strides {
    private Strides() {
    }

    /** The number of elements of {@code shape}; fails on a negative dimension or a count beyond int. */
    static int elementCount(String op, int[] shape) {
        return Extents.elementCount(op, shape);
    }

    /**
     * Fails unless every element that {@code offset + index . strides} addresses for an index of
     * {@code shape} lies in a buffer of {@code length} elements.
     */
    static void checkOperand(String op, String operand, int[] shape, int offset, int[] strides, int length) {
        Extents.checkOperand(op, operand, shape, offset, strides, length);
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
