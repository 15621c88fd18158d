package org.jgrad.optim.schedule;

import static org.jgrad.optim.schedule.LrAssert.assertLr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.optim.schedule.ReduceLrOnPlateau.Mode;
import org.jgrad.optim.schedule.ReduceLrOnPlateau.ThresholdMode;
import org.junit.jupiter.api.Test;

/** Reduce-on-plateau on scripted metric sequences, with the expected rates traced by hand. */
class ReduceLrOnPlateauTest {

    /** Steps with each metric in turn and checks the rate after each step. */
    private static void assertRates(ReduceLrOnPlateau s, double[] metrics, double[] ratesAfter) {
        assertEquals(metrics.length, ratesAfter.length, "script lengths");
        for (int i = 0; i < metrics.length; i++) {
            s.step(metrics[i]);
            assertLr(ratesAfter[i], s.lr(), "after step " + (i + 1) + " (metric " + metrics[i] + ")");
            assertEquals(i + 1, s.stepCount());
        }
    }

    @Test
    void patienceCooldownRelativeThresholdAndFloor() {
        ReduceLrOnPlateau s = Schedules.reduceOnPlateau(1.0).patience(2).factor(0.5)
                .threshold(0.1, ThresholdMode.REL).cooldown(1).minLr(0.2).build();
        assertLr(1.0, s.lr(), "lr0 before any step");
        // best 10; 9.5, 9.2 and 9.1 are not below 10 * 0.9, so the third bad step (> patience 2) halves.
        // 8 is below 9: new best, and the cooldown step. Then 8 repeated: bad at 6, 7, 8 -> halve;
        // 9 is the cooldown; bad at 10, 11, 12 -> max(0.125, 0.2); 13 cooldown; 14-16 bad but the floor holds.
        assertRates(s,
                new double[] {10, 9.5, 9.2, 9.1, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8},
                new double[] {1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2, 0.2, 0.2});
    }

    @Test
    void absoluteThresholdInMaxModeWithPyTorchDefaults() {
        ReduceLrOnPlateau s = Schedules.reduceOnPlateau(0.1).mode(Mode.MAX).patience(1)
                .threshold(0.05, ThresholdMode.ABS).build();
        // best 0.5; 0.54 is not above 0.55 (bad 1); 0.56 is (best, reset); 0.6 is not above 0.61 (bad 1),
        // 0.3 bad 2 > 1 -> 0.1 * 0.1; no cooldown, so counting resumes at once.
        assertRates(s,
                new double[] {0.5, 0.54, 0.56, 0.6, 0.3, 0.3, 0.3, 0.9},
                new double[] {0.1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001});
    }

    @Test
    void zeroPatienceReducesOnEveryBadStepAndNanIsNeverBetter() {
        ReduceLrOnPlateau s = Schedules.reduceOnPlateau(1.0).patience(0).factor(0.5).build();
        assertRates(s,
                new double[] {1.0, 0.99995, 0.5, Double.NaN, 0.4},
                new double[] {1.0, 0.5, 0.5, 0.25, 0.25});
    }

    @Test
    void reductionsSmallerThanEpsAreSkipped() {
        ReduceLrOnPlateau s = Schedules.reduceOnPlateau(1e-8).patience(0).factor(0.5).build();
        assertRates(s, new double[] {1, 1, 1}, new double[] {1e-8, 1e-8, 1e-8});
        ReduceLrOnPlateau noEps = Schedules.reduceOnPlateau(1e-8).patience(0).factor(0.5).eps(0).build();
        assertRates(noEps, new double[] {1, 1}, new double[] {1e-8, 5e-9});
    }

    @Test
    void plainStepIsRefusedBecauseTheMetricIsNeeded() {
        ReduceLrOnPlateau s = Schedules.reduceOnPlateau(0.1).build();
        assertTrue(s.needsMetric());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
        assertTrue(e.getMessage().startsWith("ReduceLrOnPlateau needs the monitored metric: call step(metric)"),
                e.getMessage());
        assertEquals(0, s.stepCount());
    }

    @Test
    void changingTheBuilderLaterLeavesBuiltSchedulesAlone() {
        ReduceLrOnPlateauBuilder b = Schedules.reduceOnPlateau(1.0).patience(0).factor(0.5);
        ReduceLrOnPlateau s = b.build();
        b.factor(0.1);
        assertRates(s, new double[] {1, 1}, new double[] {1, 0.5});
    }
}
