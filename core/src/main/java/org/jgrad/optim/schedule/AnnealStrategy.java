package org.jgrad.optim.schedule;

/**
 * How a learning rate moves from a start value to an end value as a fraction {@code p} of the way
 * goes from 0 to 1 (PyTorch's {@code anneal_strategy}).
 */
public enum AnnealStrategy {
    /** Half a cosine: {@code end + (start - end) · (1 + cos(π·p)) / 2}. Beyond p = 1 the cosine goes on. */
    COS {
        @Override
        public double interpolate(double start, double end, double p) {
            return end + (start - end) * (1 + Math.cos(Math.PI * p)) / 2;
        }
    },
    /** A straight line: {@code start + (end - start) · p}. */
    LINEAR {
        @Override
        public double interpolate(double start, double end, double p) {
            return start + (end - start) * p;
        }
    };

    /** The value a fraction {@code p} of the way from {@code start} to {@code end}. */
    public abstract double interpolate(double start, double end, double p);
}
