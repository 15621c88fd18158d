package org.jgrad.optim.schedule;

/** Argument checks whose messages say which schedule, which argument, what came and what was expected. */
final class Checks {
    private Checks() {
    }

    /** {@code value}, when finite and &gt; 0. */
    static double positive(String owner, String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw fail(owner, name, value, "a finite number > 0");
        }
        return value;
    }

    /** {@code value}, when finite and &ge; 0. */
    static double nonNegative(String owner, String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw fail(owner, name, value, "a finite number >= 0");
        }
        return value;
    }

    /** {@code value}, when in [lo, hi]. */
    static double inRange(String owner, String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw fail(owner, name, value, "in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** {@code value}, when &ge; {@code min}. */
    static int atLeast(String owner, String name, int value, int min) {
        if (value < min) {
            throw fail(owner, name, value, "at least " + min);
        }
        return value;
    }

    /** "{owner}: {name} must be {expected}, got {value}". */
    static IllegalArgumentException fail(String owner, String name, Object value, String expected) {
        return new IllegalArgumentException(owner + ": " + name + " must be " + expected + ", got " + value);
    }
}
