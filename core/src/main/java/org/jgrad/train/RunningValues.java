package org.jgrad.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.train.metrics.Metric;

/**
 * The loss and metrics of one pass over a loader, accumulated batch by batch: the loss as the mean
 * of the batch losses weighted by batch size (Keras 3's rule; for mean-reduced losses, the mean
 * over every sample), the metrics as their own streaming results.
 */
final class RunningValues {
    static final String LOSS = "loss";

    private final List<Metric> metrics;
    private double weightedLossSum;
    private long samples;

    RunningValues(List<Metric> metrics) {
        this.metrics = metrics;
        metrics.forEach(Metric::reset);
    }

    void addLoss(double batchLoss, int batchSize) {
        weightedLossSum += batchLoss * batchSize;
        samples += batchSize;
    }

    /** {@code loss} then each metric by name, each under {@code prefix + name}. */
    Map<String, Double> values(String prefix) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(prefix + LOSS, samples == 0 ? Double.NaN : weightedLossSum / samples);
        for (Metric metric : metrics) {
            values.put(prefix + metric.name(), metric.result());
        }
        return values;
    }
}
