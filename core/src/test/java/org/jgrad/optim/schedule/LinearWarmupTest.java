package org.jgrad.optim.schedule;

import static org.jgrad.optim.schedule.LrAssert.assertFollows;
import static org.jgrad.optim.schedule.LrAssert.assertLr;
import static org.jgrad.optim.schedule.LrAssert.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Warm-up in front of other schedules: the ramp, the handoff, and the wrapped schedule's own step count. */
class LinearWarmupTest {

    @Test
    void rampsFromStartFactorThenRunsTheScheduleFromItsStepZero() {
        assertFollows(Schedules.step(0.1, 3, 0.5).withWarmup(4, 0.25), 60,
                t -> t < 4 ? 0.1 * (0.25 + 0.75 * t / 4.0) : 0.1 * Math.pow(0.5, Math.floor((t - 4) / 3.0)));
    }

    @Test
    void defaultWarmupStartsFromZeroAndHandsOffAtLr0() {
        LrSchedule s = Schedules.cosine(0.2, 20, 0.0).withWarmup(5);
        assertFollows(s, 40, t -> t < 5 ? 0.2 * t / 5.0 : 0.2 * (1 + Math.cos(Math.PI * (t - 5) / 20)) / 2);
        LrSchedule h = Schedules.cosine(0.2, 20, 0.0).withWarmup(5);
        for (int t = 0; t < 5; t++) {
            h.step();
        }
        assertLr(0.2, h.lr(), "the first step after warm-up has the wrapped schedule's lr0");
    }

    @Test
    void zeroWarmupStepsIsTheScheduleItselfAndWarmupsNest() {
        assertFollows(Schedules.exponential(0.1, 0.9).withWarmup(0), 30, t -> 0.1 * Math.pow(0.9, t));
        LrSchedule nested = Schedules.constant(1.0).withWarmup(2, 0.5).withWarmup(2, 0.0);
        assertFollows(nested, 6, t -> new double[] {0, 0.25, 0.5, 0.75, 1, 1}[t]);
    }

    @Test
    void metricsDuringWarmupAreNotPassedToPlateau() {
        LrSchedule s = Schedules.reduceOnPlateau(0.1).patience(0).factor(0.5).build().withWarmup(2);
        assertTrue(s.needsMetric());
        s.step(100);
        assertLr(0.05, s.lr(), "half way through the warm-up");
        s.step(100);
        assertLr(0.1, s.lr(), "handoff");
        s.step(3);
        assertLr(0.1, s.lr(), "first metric the plateau sees is its best");
        s.step(3);
        assertLr(0.05, s.lr(), "no improvement, patience 0");
        assertThrows(IllegalStateException.class, s::step);
        assertEquals(4, s.stepCount());
    }

    @Test
    void wrappingAScheduleThatAlreadyMovedIsRefused() {
        StepLr moved = Schedules.step(0.1, 3, 0.5);
        moved.step();
        assertRejected("LinearWarmup: the schedule after the warm-up must be fresh (at step 0), got one at step 1",
                () -> moved.withWarmup(3));
        assertRejected("LinearWarmup: startFactor must be in [0.0, 1.0], got 1.5",
                () -> Schedules.constant(0.1).withWarmup(3, 1.5));
        assertRejected("LinearWarmup: warmupSteps must be at least 0, got -1",
                () -> Schedules.constant(0.1).withWarmup(-1));
    }
}
