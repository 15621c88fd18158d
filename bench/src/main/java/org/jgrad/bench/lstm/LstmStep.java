package org.jgrad.bench.lstm;

/**
 * One framework's LSTM training step on data it already holds: forward of a time-major
 * {@code layers}-layer LSTM (input and hidden width {@code hidden}), mean squared error against a
 * fixed target, backward, one plain SGD step.
 */
public interface LstmStep extends AutoCloseable {

    /** One training step; returns the loss (read back, so queued work is finished). */
    float step();

    /** A one-line description (framework, version, threads). */
    String description();

    @Override
    void close();
}
