package org.jgrad.optim.schedule;

import static org.jgrad.optim.schedule.LrAssert.assertFollows;
import static org.jgrad.optim.schedule.LrAssert.assertLr;

import org.junit.jupiter.api.Test;

/** Cosine annealing (closed form) and SGDR (against PyTorch's step-by-step T_cur / T_i bookkeeping). */
class CosineSchedulesTest {

    @Test
    void cosineFollowsItsClosedFormAndGoesOnPastTMax() {
        assertFollows(Schedules.cosine(0.1, 50, 0.001), 400,
                t -> 0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * t / 50)) / 2);
        CosineAnnealingLr s = Schedules.cosine(0.1, 50, 0.001);
        assertLr(0.1, s.lrAt(0), "lr0 at step 0");
        assertLr(0.0505, s.lrAt(25), "halfway");
        assertLr(0.001, s.lrAt(50), "etaMin at tMax");
        assertLr(0.1, s.lrAt(100), "back at lr0 at 2 tMax, as in PyTorch");
        assertLr(0.0, Schedules.cosine(1.0, 7).lrAt(7), "etaMin defaults to 0");
    }

    @Test
    void warmRestartsMatchPyTorchsBookkeepingWithGrowingCycles() {
        assertFollows(Schedules.cosineWarmRestarts(0.1, 3, 2, 1e-4), 400, t -> sgdrReference(0.1, 3, 2, 1e-4, t));
        assertFollows(Schedules.cosineWarmRestarts(0.1, 1, 3, 0), 200, t -> sgdrReference(0.1, 1, 3, 0, t));
    }

    @Test
    void warmRestartsWithFixedCycles() {
        assertFollows(Schedules.cosineWarmRestarts(0.05, 7), 300, t -> sgdrReference(0.05, 7, 1, 0, t));
        assertFollows(Schedules.cosineWarmRestarts(0.05, 7), 300,
                t -> 0.05 * (1 + Math.cos(Math.PI * (t % 7) / 7)) / 2);
    }

    @Test
    void warmRestartsJumpBackToLr0AtEachRestart() {
        CosineAnnealingWarmRestarts s = Schedules.cosineWarmRestarts(0.1, 3, 2, 0.0);
        for (int restart : new int[] {0, 3, 9, 21, 45, 93}) {
            assertLr(0.1, s.lrAt(restart), "restart at " + restart);
        }
        double cycle2Last = 0.1 * (1 + Math.cos(Math.PI * 5 / 6)) / 2;
        assertLr(cycle2Last, s.lrAt(8), "last step of the 6-step cycle");
        assertLr(0.05, s.lrAt(3 + 3), "middle of the 6-step cycle");
        assertLr(0.1, Schedules.cosineWarmRestarts(0.1, 1).lrAt(12345), "t0 = 1 restarts every step");
    }

    /** PyTorch's CosineAnnealingWarmRestarts.step(): T_cur += 1, restarting and growing T_i when it reaches T_i. */
    private static double sgdrReference(double lr0, int t0, int tMult, double etaMin, int t) {
        long tCur = 0;
        long tI = t0;
        for (int i = 0; i < t; i++) {
            tCur++;
            if (tCur >= tI) {
                tCur -= tI;
                tI *= tMult;
            }
        }
        return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }
}
