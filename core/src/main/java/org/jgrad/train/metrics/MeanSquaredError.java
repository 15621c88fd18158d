package org.jgrad.train.metrics;

import org.jgrad.Tensor;

/** The mean of (prediction - target)² over every element seen, named {@code "mse"}. */
public final class MeanSquaredError extends MeanMetric {

    public MeanSquaredError() {
        super("mse");
    }

    @Override
    protected Tensor values(Tensor predictions, Tensor targets) {
        MetricInputs.requireScores("MeanSquaredError", predictions);
        MetricInputs.requireSameShape("MeanSquaredError", predictions, targets);
        Tensor error = predictions.sub(targets);
        return error.mul(error);
    }
}
