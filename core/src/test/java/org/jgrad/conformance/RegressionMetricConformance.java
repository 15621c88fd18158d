package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.train.metrics.MeanAbsoluteError;
import org.jgrad.train.metrics.MeanSquaredError;
import org.jgrad.train.metrics.Metric;
import org.jgrad.train.metrics.R2Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MSE, MAE and R² streamed over batches of uneven sizes against float64 references over all samples. */
public class RegressionMetricConformance extends TensorConformanceSupport {
    private static final int N = MetricReference.total(MetricReference.UNEVEN_BATCHES);

    /** Feeds [N, d] row-major arrays to the metrics in the uneven batches ([b] batches when d is 1). */
    private static void stream(float[] predicted, float[] truth, int d, Metric... metrics) {
        int start = 0;
        for (int size : MetricReference.UNEVEN_BATCHES) {
            int[] shape = d == 1 ? new int[] {size} : new int[] {size, d};
            Tensor p = Tensors.fromArray(Arrays.copyOfRange(predicted, start * d, (start + size) * d), shape);
            Tensor t = Tensors.fromArray(Arrays.copyOfRange(truth, start * d, (start + size) * d), shape);
            for (Metric metric : metrics) {
                metric.update(p, t);
            }
            start += size;
        }
    }

    @ParameterizedTest(name = "{0} outputs")
    @ValueSource(ints = {1, 3})
    void streamedValuesEqualThoseOfAllSamplesAtOnce(int d) {
        float[] truth = randomFloats(N * d, 31, -2, 5);
        float[] predicted = truth.clone();
        float[] noise = randomFloats(N * d, 32, -1.5, 1.5);
        double squares = 0;
        double absolutes = 0;
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] += noise[i];
            double error = (double) predicted[i] - truth[i];
            squares += error * error;
            absolutes += Math.abs(error);
        }
        MeanSquaredError mse = new MeanSquaredError();
        MeanAbsoluteError mae = new MeanAbsoluteError();
        R2Score r2 = new R2Score();
        stream(predicted, truth, d, mse, mae, r2);
        assertEquals(squares / predicted.length, mse.result(), 1e-5 * squares / predicted.length);
        assertEquals(absolutes / predicted.length, mae.result(), 1e-5 * absolutes / predicted.length);
        double expectedR2 = MetricReference.r2(predicted, truth, d);
        assertTrue(expectedR2 > 0.3 && expectedR2 < 0.95, "a middling fit: " + expectedR2);
        assertEquals(expectedR2, r2.result(), 1e-5);
        assertEquals("mse mae r2", mse.name() + " " + mae.name() + " " + r2.name());
    }

    @Test
    void r2StaysAccurateForTargetsFarFromZero() {
        // targets 1000 ± 1: Σy² - n·ȳ² in float32 would lose every digit; the pairwise merge does not
        float[] truth = randomFloats(N, 33, 999, 1001);
        float[] predicted = truth.clone();
        float[] noise = randomFloats(N, 34, -0.5, 0.5);
        for (int i = 0; i < N; i++) {
            predicted[i] += noise[i];
        }
        R2Score r2 = new R2Score();
        stream(predicted, truth, 1, r2);
        assertEquals(MetricReference.r2(predicted, truth, 1), r2.result(), 1e-3);
    }

    @Test
    void perfectPredictionsAndConstantTargetsFollowScikitLearn() {
        float[] truth = randomFloats(N, 35, -1, 1);
        MeanSquaredError mse = new MeanSquaredError();
        R2Score r2 = new R2Score();
        stream(truth, truth, 1, mse, r2);
        assertEquals(0, mse.result());
        assertEquals(1, r2.result(), 1e-12);

        float[] constant = new float[N];
        Arrays.fill(constant, 0.25f);
        R2Score exact = new R2Score();
        stream(constant, constant, 1, exact);
        assertEquals(1, exact.result(), "constant targets predicted exactly");
        R2Score off = new R2Score();
        stream(truth, constant, 1, off);
        assertEquals(0, off.result(), "constant targets predicted inexactly (force_finite)");
    }

    @Test
    void fewerThanTwoSamplesAndResetGiveNaN() {
        R2Score r2 = new R2Score();
        assertTrue(Double.isNaN(r2.result()));
        r2.update(Tensors.fromArray(new float[] {1}, 1), Tensors.fromArray(new float[] {2}, 1));
        assertTrue(Double.isNaN(r2.result()), "one sample");
        r2.update(Tensors.fromArray(new float[] {3}, 1), Tensors.fromArray(new float[] {4}, 1));
        // targets 2 and 4 (mean 3, spread 2), residuals 1 and 1: 1 - 2/2
        assertEquals(0, r2.result(), 1e-12);
        r2.reset();
        assertTrue(Double.isNaN(r2.result()));
        MeanSquaredError mse = new MeanSquaredError();
        assertTrue(Double.isNaN(mse.result()));
    }

    @Test
    void integerTargetsAreReadAsFloats() {
        MeanAbsoluteError mae = new MeanAbsoluteError();
        R2Score r2 = new R2Score();
        Tensor predicted = Tensors.fromArray(new float[] {0.5f, 2, 2.5f, 5}, 4);
        Tensor targets = Tensors.fromArray(new int[] {1, 2, 3, 4}, 4);
        mae.update(predicted, targets);
        r2.update(predicted, targets);
        assertEquals((0.5 + 0 + 0.5 + 1) / 4, mae.result(), 1e-7);
        assertEquals(1 - (0.25 + 0 + 0.25 + 1) / 5.0, r2.result(), 1e-6);
    }
}
