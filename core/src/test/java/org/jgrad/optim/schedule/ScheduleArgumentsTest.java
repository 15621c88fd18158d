package org.jgrad.optim.schedule;

import static org.jgrad.optim.schedule.LrAssert.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Bad arguments are rejected when the schedule is made, with messages saying what and what was expected. */
class ScheduleArgumentsTest {

    @Test
    void decays() {
        assertRejected("ConstantLr: lr0 must be a finite number > 0, got 0.0", () -> Schedules.constant(0));
        assertRejected("ConstantLr: factor must be in [0.0, 1.0], got 2.0", () -> Schedules.constant(0.1, 2, 3));
        assertRejected("StepLr: lr0 must be a finite number > 0, got NaN", () -> Schedules.step(Double.NaN, 3, 0.1));
        assertRejected("StepLr: stepSize must be at least 1, got 0", () -> Schedules.step(0.1, 0, 0.1));
        assertRejected("StepLr: gamma must be a finite number > 0, got -0.5", () -> Schedules.step(0.1, 3, -0.5));
        assertRejected("MultiStepLr: milestones must be strictly increasing steps, each >= 1, got [3, 3]",
                () -> Schedules.multiStep(0.1, 0.1, 3, 3));
        assertRejected("MultiStepLr: milestones must be strictly increasing steps, each >= 1, got [0, 4]",
                () -> Schedules.multiStep(0.1, 0.1, 0, 4));
        assertRejected("ExponentialLr: gamma must be a finite number > 0, got Infinity",
                () -> Schedules.exponential(0.1, Double.POSITIVE_INFINITY));
        assertRejected("InverseTimeLr: decayRate must be a finite number >= 0, got -1.0",
                () -> Schedules.inverseTime(0.1, -1));
        assertRejected("InverseTimeLr: decaySteps must be at least 1, got 0",
                () -> Schedules.inverseTime(0.1, 1, 0, false));
        assertRejected("LinearLr: endFactor must be in [0.0, 1.0], got -0.1",
                () -> Schedules.linear(0.1, 1, -0.1, 5));
        assertRejected("LinearLr: endLr must be a finite number >= 0, got -0.1",
                () -> Schedules.linearDecay(0.1, -0.1, 5));
        assertRejected("LinearLr: totalSteps must be at least 1, got 0", () -> Schedules.linearDecay(0.1, 0, 0));
        assertRejected("PolynomialLr: power must be a finite number > 0, got 0.0",
                () -> Schedules.polynomial(0.1, 10, 0));
        assertRejected("PolynomialLr: decaySteps must be at least 1, got -3",
                () -> Schedules.polynomial(0.1, 0.0, -3, 1));
        NullPointerException e = assertThrows(NullPointerException.class, () -> Schedules.lambda(0.1, null));
        assertEquals("LambdaLr: multiplier must not be null", e.getMessage());
    }

    @Test
    void cosines() {
        assertRejected("CosineAnnealingLr: tMax must be at least 1, got 0", () -> Schedules.cosine(0.1, 0));
        assertRejected("CosineAnnealingLr: etaMin must be a finite number >= 0, got -1.0E-4",
                () -> Schedules.cosine(0.1, 10, -1e-4));
        assertRejected("CosineAnnealingWarmRestarts: t0 must be at least 1, got 0",
                () -> Schedules.cosineWarmRestarts(0.1, 0));
        assertRejected("CosineAnnealingWarmRestarts: tMult must be at least 1, got 0",
                () -> Schedules.cosineWarmRestarts(0.1, 5, 0, 0));
    }

    @Test
    void plateau() {
        assertRejected("ReduceLrOnPlateau: lr0 must be a finite number > 0, got -0.1",
                () -> Schedules.reduceOnPlateau(-0.1));
        ReduceLrOnPlateauBuilder b = Schedules.reduceOnPlateau(0.1);
        assertRejected("ReduceLrOnPlateau: factor must be in [0, 1) (a reduction), got 1.0", () -> b.factor(1));
        assertRejected("ReduceLrOnPlateau: patience must be at least 0, got -1", () -> b.patience(-1));
        assertRejected("ReduceLrOnPlateau: threshold must be a finite number >= 0, got -0.01",
                () -> b.threshold(-0.01, ReduceLrOnPlateau.ThresholdMode.ABS));
        assertRejected("ReduceLrOnPlateau: cooldown must be at least 0, got -2", () -> b.cooldown(-2));
        assertRejected("ReduceLrOnPlateau: minLr must be a finite number >= 0, got NaN", () -> b.minLr(Double.NaN));
    }

    @Test
    void oneCycle() {
        assertRejected("OneCycleLr: totalSteps must be at least 2, got 1", () -> Schedules.oneCycle(0.1, 1));
        assertRejected("OneCycleLr: pctStart must be in (0, 1), got 1.0", () -> Schedules.oneCycle(0.1, 10).pctStart(1));
        assertRejected("OneCycleLr: divFactor must be a finite number > 0, got 0.0",
                () -> Schedules.oneCycle(0.1, 10).divFactor(0));
        assertRejected("OneCycleLr: pctStart must be such that every phase lasts more than 0 steps"
                + " (phase 1 would span steps 0.0 to 0.0 of totalSteps 10), got 0.1",
                () -> Schedules.oneCycle(0.1, 10).pctStart(0.1).build());
        assertRejected("OneCycleLr: pctStart must be such that every phase lasts more than 0 steps"
                + " (phase 3 would span steps 9.0 to 9.0 of totalSteps 10), got 0.55",
                () -> Schedules.oneCycle(0.1, 10).pctStart(0.55).threePhase(true).build());
        assertRejected("OneCycleLr: step must be in [0, 10], got -1", () -> Schedules.oneCycle(0.1, 10).build().lrAt(-1));
    }
}
