package org.jgrad.spark;

/**
 * How a {@link SparkTrainer#fit} run went: steps taken, wall-clock seconds, training samples per
 * second over all workers, and per step the mean seconds a replica spent computing (batch,
 * forward, backward, update) and synchronising (the gradient exchange, including waiting for the
 * slowest replica), and the bytes each replica sent and received in the exchange.
 */
public record TrainingStats(int workers, long steps, double seconds, double samplesPerSecond,
        double computeSecondsPerStep, double syncSecondsPerStep, long bytesSentPerStep, long bytesReceivedPerStep) {

    /** The share of a replica's step time spent synchronising. */
    public double syncFraction() {
        return syncSecondsPerStep / (syncSecondsPerStep + computeSecondsPerStep);
    }
}
