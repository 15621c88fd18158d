package org.jgrad.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the schedule tests. */
final class LrAssert {
    private LrAssert() {
    }

    /**
     * Walks {@code schedule} from its current step through {@code steps} steps, checking at each
     * that {@code lr()} (and {@code lrAt(t)} for closed forms) equals {@code expected(t)} to 1e-12
     * relative, and that {@code stepCount()} is {@code t}. Steps with {@code step()} between checks.
     */
    static void assertFollows(LrSchedule schedule, int steps, IntToDoubleFunction expected) {
        int first = schedule.stepCount();
        for (int t = first; t < first + steps; t++) {
            assertEquals(t, schedule.stepCount(), "step count");
            assertLr(expected.applyAsDouble(t), schedule.lr(), "lr at step " + t);
            if (schedule instanceof ClosedFormSchedule) {
                assertLr(expected.applyAsDouble(t), ((ClosedFormSchedule) schedule).lrAt(t), "lrAt(" + t + ")");
            }
            if (t < first + steps - 1) {
                schedule.step();
            }
        }
    }

    /** {@code actual} equals {@code expected} to 1e-12 relative (1e-15 absolute near 0). */
    static void assertLr(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected) + 1e-15, what);
    }

    /** {@code call} throws an IllegalArgumentException whose message is exactly {@code message}. */
    static void assertRejected(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
