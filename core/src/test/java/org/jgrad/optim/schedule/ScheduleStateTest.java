package org.jgrad.optim.schedule;

import static org.jgrad.optim.schedule.LrAssert.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving a schedule's state part way and loading it into a fresh one resumes it exactly. */
class ScheduleStateTest {

    static Stream<Arguments> schedules() {
        return Stream.of(
                named("constant", () -> Schedules.constant(0.1, 0.5, 3)),
                named("step", () -> Schedules.step(0.1, 4, 0.5)),
                named("multiStep", () -> Schedules.multiStep(0.1, 0.1, 5, 9, 20)),
                named("exponential", () -> Schedules.exponential(0.1, 0.95)),
                named("inverseTime", () -> Schedules.inverseTime(0.1, 0.3, 3, true)),
                named("linear", () -> Schedules.linearDecay(0.1, 0.01, 15)),
                named("polynomial", () -> Schedules.polynomial(0.1, 1e-3, 15, 2)),
                named("inverseSqrt", () -> Schedules.inverseSqrt(0.1)),
                named("cosine", () -> Schedules.cosine(0.1, 12, 1e-3)),
                named("cosineWarmRestarts", () -> Schedules.cosineWarmRestarts(0.1, 2, 2, 0)),
                named("plateau", () -> Schedules.reduceOnPlateau(0.1).patience(1).cooldown(2).factor(0.5).build()),
                named("oneCycle", () -> Schedules.oneCycle(0.1, 40).threePhase(true).build()),
                named("warmup+cosine", () -> Schedules.cosine(0.1, 12).withWarmup(5, 0.1)),
                named("warmup+plateau", () -> Schedules.reduceOnPlateau(0.1).patience(0).build().withWarmup(3)));
    }

    private static Arguments named(String name, Supplier<LrSchedule> make) {
        return Arguments.of(name, make);
    }

    /** A metric that wanders, so plateau schedules both improve and stall. */
    private static double metric(int t) {
        return 1.0 + (t * 7 % 5) / 10.0 - t / 100.0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void resumesIdentically(String name, Supplier<LrSchedule> make) {
        for (int savedAt : new int[] {0, 1, 4, 7, 13}) {
            LrSchedule original = make.get();
            for (int t = 0; t < savedAt; t++) {
                original.step(metric(t));
            }
            Map<String, Double> saved = original.state();
            LrSchedule resumed = make.get();
            resumed.loadState(new HashMap<>(saved));
            for (int t = savedAt; t < savedAt + 25; t++) {
                assertEquals(original.stepCount(), resumed.stepCount(), name + " step count");
                assertEquals(original.lr(), resumed.lr(), name + ": saved at " + savedAt + ", lr at step " + t);
                original.step(metric(t));
                resumed.step(metric(t));
            }
            assertEquals(original.state(), resumed.state(), name + " state after resuming");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void stateIsASnapshot(String name, Supplier<LrSchedule> make) {
        LrSchedule s = make.get();
        Map<String, Double> before = s.state();
        Map<String, Double> copy = Map.copyOf(before);
        s.step(metric(0));
        s.step(metric(1));
        assertEquals(copy, before, name + ": a state taken earlier does not follow later steps");
        assertEquals(0.0, before.get("step"), name);
        assertEquals(2.0, s.state().get("step"), name);
    }

    @Test
    void badStatesAreRejected() {
        assertRejected("StepLr: state has no 'step' entry; it has [lr]",
                () -> Schedules.step(0.1, 2, 0.5).loadState(Map.of("lr", 0.1)));
        assertRejected("StepLr: state entry 'step' must be a whole number in [0, 2147483647], got 2.5",
                () -> Schedules.step(0.1, 2, 0.5).loadState(Map.of("step", 2.5)));
        assertRejected("OneCycleLr: state entry 'step' must be a whole number in [0, 10], got 11.0",
                () -> Schedules.oneCycle(0.1, 10).build().loadState(Map.of("step", 11.0)));
        assertRejected("ReduceLrOnPlateau: state has no 'best' entry; it has [lr, step]",
                () -> Schedules.reduceOnPlateau(0.1).build().loadState(Map.of("step", 3.0, "lr", 0.1)));
        LrSchedule warm = Schedules.step(0.1, 2, 0.5).withWarmup(3);
        assertRejected("LinearWarmup: state is inconsistent: step 5 with 3 warm-up steps needs the schedule after it"
                + " at step 2, but its state says 4", () -> warm.loadState(Map.of("step", 5.0, "after.step", 4.0)));
        assertEquals(0, warm.stepCount());
        assertEquals(Map.of("step", 0.0, "after.step", 0.0), warm.state());
    }
}
