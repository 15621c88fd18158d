package org.jgrad.optim.schedule;

import java.util.function.IntToDoubleFunction;

/**
 * The entry point: one static factory per schedule, named after PyTorch's class where it has one.
 * Any result can be given a warm-up with {@link LrSchedule#withWarmup(int, double)}:
 *
 * <pre>{@code
 * LrSchedule s = Schedules.cosine(0.1, 90).withWarmup(5);
 * LrSchedule p = Schedules.reduceOnPlateau(0.01).patience(3).factor(0.5).build();
 * LrSchedule c = Schedules.oneCycle(0.1, epochs * batches).pctStart(0.25).build();
 * }</pre>
 *
 * Each factory's formula is on the class it builds.
 */
public final class Schedules {
    private Schedules() {
    }

    /** {@code lr} at every step. */
    public static ConstantLr constant(double lr) {
        return new ConstantLr(lr, 1, 0);
    }

    /** PyTorch's {@code ConstantLR}: {@code lr0 · factor} for the first {@code totalIters} steps, then {@code lr0}. */
    public static ConstantLr constant(double lr0, double factor, int totalIters) {
        return new ConstantLr(lr0, factor, totalIters);
    }

    /** PyTorch's {@code StepLR}: {@code lr0 · gamma^floor(t / stepSize)}. */
    public static StepLr step(double lr0, int stepSize, double gamma) {
        return new StepLr(lr0, stepSize, gamma);
    }

    /** PyTorch's {@code MultiStepLR}: {@code lr0 · gamma^(number of milestones <= t)}. */
    public static MultiStepLr multiStep(double lr0, double gamma, int... milestones) {
        return new MultiStepLr(lr0, gamma, milestones);
    }

    /** PyTorch's {@code ExponentialLR}: {@code lr0 · gamma^t}. */
    public static ExponentialLr exponential(double lr0, double gamma) {
        return new ExponentialLr(lr0, gamma);
    }

    /** {@code lr0 / (1 + decayRate · t)}. */
    public static InverseTimeLr inverseTime(double lr0, double decayRate) {
        return new InverseTimeLr(lr0, decayRate, 1, false);
    }

    /** Keras's {@code InverseTimeDecay}: {@code lr0 / (1 + decayRate · t / decaySteps)}, the quotient floored if {@code staircase}. */
    public static InverseTimeLr inverseTime(double lr0, double decayRate, int decaySteps, boolean staircase) {
        return new InverseTimeLr(lr0, decayRate, decaySteps, staircase);
    }

    /**
     * PyTorch's {@code LinearLR}: the factor of {@code lr0} goes linearly from {@code startFactor} to
     * {@code endFactor} (both in [0, 1]) over {@code totalSteps}, then holds.
     */
    public static LinearLr linear(double lr0, double startFactor, double endFactor, int totalSteps) {
        Checks.positive("LinearLr", "lr0", lr0);
        Checks.inRange("LinearLr", "startFactor", startFactor, 0, 1);
        Checks.inRange("LinearLr", "endFactor", endFactor, 0, 1);
        return new LinearLr(lr0 * startFactor, lr0 * endFactor, totalSteps);
    }

    /** A straight line from {@code lr0} down to {@code endLr} over {@code decaySteps} steps, then {@code endLr}. */
    public static LinearLr linearDecay(double lr0, double endLr, int decaySteps) {
        Checks.positive("LinearLr", "lr0", lr0);
        return new LinearLr(lr0, endLr, decaySteps);
    }

    /** PyTorch's {@code PolynomialLR}: {@code lr0 · (1 - min(t, totalSteps) / totalSteps)^power}. */
    public static PolynomialLr polynomial(double lr0, int totalSteps, double power) {
        return new PolynomialLr(lr0, 0, totalSteps, power);
    }

    /** Keras's {@code PolynomialDecay}: {@code (lr0 - endLr) · (1 - min(t, decaySteps) / decaySteps)^power + endLr}. */
    public static PolynomialLr polynomial(double lr0, double endLr, int decaySteps, double power) {
        return new PolynomialLr(lr0, endLr, decaySteps, power);
    }

    /** PyTorch's {@code LambdaLR}: {@code lr0 · multiplier(t)}. */
    public static LambdaLr lambda(double lr0, IntToDoubleFunction multiplier) {
        return new LambdaLr(lr0, multiplier);
    }

    /** Inverse-square-root decay: {@code lr0 · (1 + t)^-0.5}. */
    public static LambdaLr inverseSqrt(double lr0) {
        return new LambdaLr(lr0, t -> 1 / Math.sqrt(1.0 + t));
    }

    /** PyTorch's {@code CosineAnnealingLR} with {@code eta_min = 0}. */
    public static CosineAnnealingLr cosine(double lr0, int tMax) {
        return new CosineAnnealingLr(lr0, tMax, 0);
    }

    /** PyTorch's {@code CosineAnnealingLR}: {@code etaMin + (lr0 - etaMin) · (1 + cos(π·t / tMax)) / 2}. */
    public static CosineAnnealingLr cosine(double lr0, int tMax, double etaMin) {
        return new CosineAnnealingLr(lr0, tMax, etaMin);
    }

    /** PyTorch's {@code CosineAnnealingWarmRestarts} with {@code T_mult = 1}, {@code eta_min = 0}: a restart every {@code t0} steps. */
    public static CosineAnnealingWarmRestarts cosineWarmRestarts(double lr0, int t0) {
        return new CosineAnnealingWarmRestarts(lr0, t0, 1, 0);
    }

    /** PyTorch's {@code CosineAnnealingWarmRestarts} (SGDR): cycles of {@code t0 · tMult^i} steps. */
    public static CosineAnnealingWarmRestarts cosineWarmRestarts(double lr0, int t0, int tMult, double etaMin) {
        return new CosineAnnealingWarmRestarts(lr0, t0, tMult, etaMin);
    }

    /** PyTorch's {@code ReduceLROnPlateau}, to be configured, then {@code build()}. */
    public static ReduceLrOnPlateauBuilder reduceOnPlateau(double lr0) {
        return ReduceLrOnPlateau.builder(lr0);
    }

    /** PyTorch's {@code OneCycleLR}, to be configured, then {@code build()}. */
    public static OneCycleLrBuilder oneCycle(double maxLr, int totalSteps) {
        return OneCycleLr.builder(maxLr, totalSteps);
    }
}
