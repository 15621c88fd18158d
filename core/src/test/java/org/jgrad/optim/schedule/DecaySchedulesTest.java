package org.jgrad.optim.schedule;

import static org.jgrad.optim.schedule.LrAssert.assertFollows;
import static org.jgrad.optim.schedule.LrAssert.assertLr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The closed-form decays against their formulas, written out here, over many steps. */
class DecaySchedulesTest {

    @Test
    void constantIsConstantAndConstantLrScalesTheFirstSteps() {
        assertFollows(Schedules.constant(0.03), 500, t -> 0.03);
        assertFollows(Schedules.constant(0.1, 0.25, 4), 50, t -> t < 4 ? 0.025 : 0.1);
    }

    @Test
    void stepDecaysEveryStepSize() {
        assertFollows(Schedules.step(0.1, 3, 0.5), 200, t -> 0.1 * Math.pow(0.5, Math.floor(t / 3.0)));
        StepLr s = Schedules.step(1.0, 30, 0.1);
        assertLr(1.0, s.lrAt(29), "last step before the first decay");
        assertLr(0.1, s.lrAt(30), "first decayed step");
        assertLr(0.01, s.lrAt(60), "second decay");
    }

    @Test
    void multiStepDecaysAtEachMilestoneIncludingTheMilestoneItself() {
        int[] milestones = {5, 12, 13, 40};
        assertFollows(Schedules.multiStep(0.2, 0.1, milestones), 100, t -> {
            int k = 0;
            for (int m : milestones) {
                k += t >= m ? 1 : 0;
            }
            return 0.2 * Math.pow(0.1, k);
        });
        MultiStepLr s = Schedules.multiStep(1.0, 0.5, 5, 12, 13);
        assertLr(1.0, s.lrAt(4), "before 5");
        assertLr(0.5, s.lrAt(5), "at 5");
        assertLr(0.25, s.lrAt(12), "at 12");
        assertLr(0.125, s.lrAt(13), "at 13");
        assertLr(1.0, Schedules.multiStep(1.0, 0.5).lrAt(1000), "no milestones");
    }

    @Test
    void exponentialIsLr0TimesGammaToTheT() {
        assertFollows(Schedules.exponential(0.1, 0.97), 1000, t -> 0.1 * Math.pow(0.97, t));
        assertFollows(Schedules.exponential(1e-7, 1.1), 100, t -> 1e-7 * Math.pow(1.1, t));
    }

    @Test
    void inverseTimeDividesByOnePlusKT() {
        assertFollows(Schedules.inverseTime(0.5, 0.01), 1000, t -> 0.5 / (1 + 0.01 * t));
        assertFollows(Schedules.inverseTime(0.5, 0.5, 10, false), 300, t -> 0.5 / (1 + 0.5 * t / 10.0));
        assertFollows(Schedules.inverseTime(0.5, 0.5, 10, true), 300, t -> 0.5 / (1 + 0.5 * Math.floor(t / 10.0)));
        assertLr(0.5, Schedules.inverseTime(0.5, 0.5, 10, true).lrAt(9), "staircase holds until decaySteps");
        assertLr(0.5 / 1.5, Schedules.inverseTime(0.5, 0.5, 10, true).lrAt(10), "first stair");
    }

    @Test
    void linearGoesFromStartToEndThenHolds() {
        assertFollows(Schedules.linearDecay(0.1, 0.001, 40), 120,
                t -> t >= 40 ? 0.001 : 0.1 - (0.1 - 0.001) * t / 40.0);
        assertFollows(Schedules.linear(0.1, 1.0 / 3, 1.0, 5), 20,
                t -> 0.1 * (1.0 / 3 + (1 - 1.0 / 3) * Math.min(t, 5) / 5.0));
        LinearLr s = Schedules.linearDecay(1.0, 0.0, 4);
        assertLr(0.25, s.lrAt(3), "one step before the end");
        assertEquals(0.0, s.lrAt(4));
        assertEquals(0.0, s.lrAt(1_000_000));
    }

    @Test
    void polynomialDecaysToTheEndLrThenHolds() {
        assertFollows(Schedules.polynomial(0.1, 1e-4, 50, 2.0), 150,
                t -> t >= 50 ? 1e-4 : (0.1 - 1e-4) * Math.pow(1 - t / 50.0, 2.0) + 1e-4);
        assertFollows(Schedules.polynomial(0.1, 30, 0.9), 100,
                t -> t >= 30 ? 0.0 : 0.1 * Math.pow(1 - t / 30.0, 0.9));
        assertLr(0.05, Schedules.polynomial(0.1, 10, 1.0).lrAt(5), "power 1 is a straight line");
    }

    @Test
    void lambdaMultipliesLr0AndInverseSqrtIsOneOverRootOfOnePlusT() {
        assertFollows(Schedules.lambda(0.2, t -> t % 2 == 0 ? 1.0 : 0.5), 100, t -> t % 2 == 0 ? 0.2 : 0.1);
        assertFollows(Schedules.inverseSqrt(0.1), 1000, t -> 0.1 / Math.sqrt(1 + t));
        assertLr(0.05, Schedules.inverseSqrt(0.1).lrAt(3), "(1 + 3)^-0.5 = 1/2");
    }

    @Test
    void lambdaReturningANegativeOrNanMultiplierFailsClearly() {
        LambdaLr s = Schedules.lambda(0.1, t -> t < 2 ? 1.0 : -1.0);
        s.step();
        s.step();
        IllegalStateException e = assertThrows(IllegalStateException.class, s::lr);
        assertEquals("LambdaLr: the multiplier returned -1.0 at step 2; expected a finite number >= 0", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Schedules.lambda(0.1, t -> Double.NaN).lr());
    }
}
