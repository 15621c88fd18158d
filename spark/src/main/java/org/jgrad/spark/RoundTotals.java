package org.jgrad.spark;

import java.util.List;

/** Sums the rounds' timings into {@link TrainingStats}. */
final class RoundTotals {
    private final int workers;
    private final int batchSize;
    private final long parameters;
    private long steps;
    private double computeSeconds;
    private double syncSeconds;

    RoundTotals(int workers, int batchSize, long parameters) {
        this.workers = workers;
        this.batchSize = batchSize;
        this.parameters = parameters;
    }

    /** Adds a round of {@code roundSteps} steps; times are averaged over the replicas. */
    void add(List<RoundResult> results, int roundSteps) {
        steps += roundSteps;
        for (RoundResult r : results) {
            computeSeconds += r.computeSeconds() / results.size();
            syncSeconds += r.syncSeconds() / results.size();
        }
    }

    TrainingStats stats(double seconds) {
        long message = GradientMessage.bytes(parameters);
        double perStep = steps == 0 ? 0 : 1.0 / steps;
        return new TrainingStats(workers, steps, seconds, steps * (double) workers * batchSize / seconds,
                computeSeconds * perStep, syncSeconds * perStep, message, message);
    }
}
