package org.jgrad.optim.schedule;

import static org.jgrad.optim.schedule.LrAssert.assertFollows;
import static org.jgrad.optim.schedule.LrAssert.assertLr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** One-cycle: phase boundaries, both anneal strategies, three phases, the final rate and the end. */
class OneCycleLrTest {
    private static final double MAX = 0.4;
    private static final double INITIAL = MAX / 25;
    private static final double MIN = INITIAL / 1e4;

    @Test
    void twoPhasesWithDefaults() {
        int total = 100;
        double peak = 0.3 * total - 1;
        assertFollows(Schedules.oneCycle(MAX, total).build(), total + 1, t -> t <= peak
                ? cos(INITIAL, MAX, t / peak)
                : cos(MAX, MIN, Math.min(1, (t - peak) / (total - 1 - peak))));
        OneCycleLr s = Schedules.oneCycle(MAX, total).build();
        assertLr(INITIAL, s.lrAt(0), "maxLr / divFactor at step 0");
        assertLr(MAX, s.lrAt(29), "maxLr at step pctStart * total - 1");
        assertLr(MIN, s.lrAt(99), "initial / finalDivFactor at the last update");
        assertLr(MIN, s.lrAt(100), "held after the last update");
    }

    @Test
    void phaseEndsThatFallBetweenStepsAsInPyTorch() {
        int total = 7;
        double peak = 0.3 * total - 1;
        assertFollows(Schedules.oneCycle(MAX, total).anneal(AnnealStrategy.LINEAR).build(), total + 1, t -> t <= peak
                ? INITIAL + (MAX - INITIAL) * t / peak
                : MAX + (MIN - MAX) * Math.min(1, (t - peak) / (total - 1 - peak)));
    }

    @Test
    void threePhasesComeBackToTheStartingRateBeforeTheFinalAnneal() {
        int total = 50;
        double div = 10;
        double finalDiv = 100;
        double initial = MAX / div;
        double min = initial / finalDiv;
        double peak = 0.3 * total - 1;
        double back = 2 * 0.3 * total - 2;
        assertFollows(Schedules.oneCycle(MAX, total).pctStart(0.3).divFactor(div).finalDivFactor(finalDiv)
                .threePhase(true).build(), total + 1, t -> {
                    if (t <= peak) {
                        return cos(initial, MAX, t / peak);
                    }
                    return t <= back ? cos(MAX, initial, (t - peak) / (back - peak))
                            : cos(initial, min, Math.min(1, (t - back) / (total - 1 - back)));
                });
        OneCycleLr s = Schedules.oneCycle(MAX, total).divFactor(div).finalDivFactor(finalDiv).threePhase(true).build();
        assertLr(MAX, s.lrAt(14), "maxLr at pctStart * total - 1");
        assertLr(initial, s.lrAt(28), "back at the starting rate at 2 * pctStart * total - 2");
        assertLr(min, s.lrAt(49), "final rate at the last update");
    }

    @Test
    void steppingPastTotalStepsFails() {
        OneCycleLr s = Schedules.oneCycle(MAX, 10).build();
        for (int i = 0; i < 10; i++) {
            s.step();
        }
        assertEquals(10, s.stepCount());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::step);
        assertEquals("OneCycleLr: cannot step past step 10, the last one it was built for", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.lrAt(11));
    }

    /** PyTorch's _annealing_cos. */
    private static double cos(double start, double end, double pct) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
    }
}
