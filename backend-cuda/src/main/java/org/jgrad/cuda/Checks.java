package org.jgrad.cuda;

/**
 * Argument checks done on the host before anything is queued (with core's
 * {@link org.jgrad.backend.Extents} for shapes, strides and GEMM operands): a kernel reading out of
 * bounds would corrupt memory or fail later at an unrelated call, so a bad call fails here, naming
 * the op, the operand and what was expected.
 */
final class Checks {
    private Checks() {
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
