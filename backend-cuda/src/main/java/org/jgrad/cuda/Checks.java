package org.jgrad.cuda;

import java.util.Arrays;

/**
 * Argument checks done on the host before anything is queued: a kernel reading out of bounds
 * would corrupt memory or fail later at an unrelated call, so a bad call fails here, naming the
 * op, the operand and what was expected.
 */
final class Checks {
    private Checks() {
    }

    /** Elements of {@code shape}; fails on a negative dimension or more than Integer.MAX_VALUE elements. */
    static int count(String op, int[] shape) {
        long n = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Arrays.toString(shape));
            }
            n *= dim;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " has more than "
                        + Integer.MAX_VALUE + " elements");
            }
        }
        return (int) n;
    }

    /** Fails unless every {@code offset + index . strides} over {@code shape} lies in [0, length). */
    static void operand(String op, String name, int[] shape, int offset, int[] strides, int length) {
        if (strides == null || strides.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + name + " has strides " + Arrays.toString(strides)
                    + " for shape " + Arrays.toString(shape) + "; expected one stride per dimension");
        }
        long low = offset;
        long high = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return;
            }
            long reach = (long) (shape[d] - 1) * strides[d];
            low += Math.min(0, reach);
            high += Math.max(0, reach);
        }
        if (low < 0 || high >= length) {
            throw new IllegalArgumentException(op + ": " + name + " addresses elements " + low + " to " + high
                    + " but its buffer has " + length + " (shape " + Arrays.toString(shape) + ", offset " + offset
                    + ", strides " + Arrays.toString(strides) + ")");
        }
    }

    /** Fails unless {@code name} holds exactly {@code expected} elements. */
    static void length(String op, String name, int length, long expected) {
        if (length != expected) {
            throw new IllegalArgumentException(op + ": " + name + " has " + length + " elements, expected " + expected);
        }
    }

    /** Fails unless {@code name} holds at least {@code needed} elements. */
    static void atLeast(String op, String name, int length, long needed, String what) {
        if (length < needed) {
            throw new IllegalArgumentException(op + ": " + name + " has " + length + " elements, " + what + " needs "
                    + needed);
        }
    }

    /** Fails unless a step number counts from 1. */
    static void step(String op, int step) {
        if (step < 1) {
            throw new IllegalArgumentException(op + ": step counts from 1, got " + step);
        }
    }
}
