package org.jgrad.train.metrics;

import org.jgrad.Tensor;

/** The mean of |prediction - target| over every element seen, named {@code "mae"}. */
public final class MeanAbsoluteError extends MeanMetric {

    public MeanAbsoluteError() {
        super("mae");
    }

    @Override
    protected Tensor values(Tensor predictions, Tensor targets) {
        MetricInputs.requireScores("MeanAbsoluteError", predictions);
        MetricInputs.requireSameShape("MeanAbsoluteError", predictions, targets);
        return predictions.sub(targets).abs();
    }
}
