package org.jgrad.train;

import java.util.Map;
import java.util.Objects;

/**
 * The best value so far of one History column, as Keras's callbacks track it: a value improves on
 * the best when it is better by more than {@code minDelta} (lower for MIN, higher for MAX).
 */
final class Monitor {
    private final String owner;
    private final String name;
    private final MonitorMode mode;
    private final double minDelta;
    private double best;

    Monitor(String owner, String name, MonitorMode mode, double minDelta) {
        this.owner = owner;
        this.name = Objects.requireNonNull(name, owner + ": monitor");
        this.mode = Objects.requireNonNull(mode, owner + ": mode");
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException(owner + ": minDelta must be >= 0, got " + minDelta);
        }
        this.minDelta = minDelta;
        reset();
    }

    void reset() {
        best = mode == MonitorMode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    String name() {
        return name;
    }

    MonitorMode mode() {
        return mode;
    }

    double minDelta() {
        return minDelta;
    }

    double best() {
        return best;
    }

    /** The monitored value among an epoch's values; fails naming the columns there are. */
    double valueIn(Map<String, Double> values) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalStateException(owner + ": monitor '" + name + "' is not among the epoch's values "
                    + values.keySet() + " (validation values need a validation loader)");
        }
        return value;
    }

    /** True, and the best updated, when {@code value} beats the best by more than minDelta; NaN never does. */
    boolean improves(double value) {
        boolean better = mode == MonitorMode.MIN ? value < best - minDelta : value > best + minDelta;
        if (better) {
            best = value;
        }
        return better;
    }
}
