package org.jgrad.train.metrics;

import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.Tensor;

/**
 * A metric that is the mean of one value per element (or per sample) over every batch: accuracy,
 * mean squared error, mean absolute error. Each batch's values are summed on the backend and one
 * number is read back, so the mean over batches of different sizes is the mean over all elements,
 * not a mean of batch means.
 */
public abstract class MeanMetric implements Metric {
    private final String name;
    private double total;
    private long count;

    protected MeanMetric(String name) {
        this.name = name;
    }

    /**
     * The values whose mean this metric is, computed from one batch on its backend (no gradient
     * is recorded and the caller frees what this makes); fails when the inputs do not fit.
     */
    protected abstract Tensor values(Tensor predictions, Tensor targets);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void update(Tensor predictions, Tensor targets) {
        try (NoGrad noGrad = NoGrad.enter(); Scope scope = Scope.open()) {
            Tensor values = values(predictions, targets);
            total += values.sum().item();
            count += values.numel();
        }
    }

    @Override
    public final double result() {
        return count == 0 ? Double.NaN : total / count;
    }

    @Override
    public final void reset() {
        total = 0;
        count = 0;
    }

    @Override
    public String toString() {
        return name + "=" + result();
    }
}
