package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.jgrad.train.metrics.Accuracy;
import org.jgrad.train.metrics.Average;
import org.jgrad.train.metrics.BinaryAccuracy;
import org.jgrad.train.metrics.ConfusionMatrix;
import org.jgrad.train.metrics.F1Score;
import org.jgrad.train.metrics.MeanSquaredError;
import org.jgrad.train.metrics.Metric;
import org.jgrad.train.metrics.Precision;
import org.jgrad.train.metrics.R2Score;
import org.junit.jupiter.api.Test;

/** What metrics refuse, with messages naming the metric and the shapes, and the device memory they leave. */
public class MetricInputConformance extends TensorConformanceSupport {

    @Test
    void targetsOutsideTheClassesAreCountedAndRejected() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3);
        Tensor scores = Tensors.fromArray(randomFloats(12, 41), 4, 3);
        assertRejected(IllegalArgumentException.class, () -> matrix.update(scores, Tensors.fromArray(new int[] {0, 3, 1, -1}, 4)),
                "ConfusionMatrix", "2 of the batch's 4 samples", "0..2");
        assertRejected(IllegalArgumentException.class,
                () -> matrix.update(scores, Tensors.fromArray(new float[] {0, 1.5f, 1, 2}, 4)), "1 of the batch's 4");
        assertEquals(0, matrix.total(), "a rejected batch adds nothing");
    }

    @Test
    void shapesThatDoNotFitAreRejected() {
        Tensor scores = Tensors.fromArray(randomFloats(12, 42), 4, 3);
        assertRejected(IllegalArgumentException.class, () -> new Accuracy().update(scores, Tensors.fromArray(new int[] {0, 1, 2}, 3)),
                "Accuracy", "[4]", "INT32 [3]");
        assertRejected(IllegalArgumentException.class, () -> new Accuracy().update(Tensors.zeros(4, 1), Tensors.zeros(4)),
                "Accuracy", "[4, 1]", "BinaryAccuracy");
        assertRejected(IllegalArgumentException.class, () -> new F1Score(4, Average.MACRO).update(scores, Tensors.zeros(4)),
                "ConfusionMatrix", "[N, 4]", "[4, 3]");
        assertRejected(IllegalArgumentException.class, () -> Precision.binary(0.5).update(scores, Tensors.zeros(4)),
                "ConfusionMatrix", "[N] or [N, 1]", "[4, 3]");
        assertRejected(IllegalArgumentException.class, () -> new MeanSquaredError().update(scores, Tensors.zeros(3, 4)),
                "MeanSquaredError", "[4, 3]", "[3, 4]");
        assertRejected(IllegalArgumentException.class, () -> new BinaryAccuracy().update(Tensors.fromArray(new int[] {1}, 1),
                Tensors.zeros(1)), "BinaryAccuracy", "FLOAT32", "INT32 [1]");
        R2Score r2 = new R2Score();
        r2.update(scores, scores);
        assertRejected(IllegalArgumentException.class, () -> r2.update(Tensors.zeros(2, 2), Tensors.zeros(2, 2)),
                "R2Score", "2 outputs", "had 3");
    }

    @Test
    void badOptionsAreRejected() {
        assertRejected(IllegalArgumentException.class, () -> new Precision(3, Average.BINARY), "Average.BINARY", "got 3");
        assertRejected(IllegalArgumentException.class, () -> ConfusionMatrix.of(0), "numClasses", "got 0");
        assertRejected(IllegalArgumentException.class, () -> ConfusionMatrix.of("a", "b", "a"), "distinct");
        assertRejected(IllegalArgumentException.class, () -> new BinaryAccuracy(Double.NaN), "threshold");
        assertRejected(NullPointerException.class, () -> new F1Score(3, null), "F1", "average");
    }

    @Test
    void updatesFreeWhatTheyMakeAndRecordNoGraph() {
        CountingBackend counting = new CountingBackend(backend());
        Backends.setDefault(counting);
        try (Tensor scores = Tensors.fromArray(randomFloats(21, 43), 7, 3).requiresGrad(true);
                Tensor labels = Tensors.fromArray(randomIndices(7, 3, 44), 7);
                Tensor values = Tensors.fromArray(randomFloats(21, 45), 7, 3)) {
            int before = counting.live();
            Metric[] metrics = {new Accuracy(), new F1Score(3, Average.MACRO), new MeanSquaredError(), new R2Score()};
            for (int round = 0; round < 3; round++) {
                metrics[0].update(scores, labels);
                metrics[1].update(scores, labels);
                metrics[2].update(scores, values);
                metrics[3].update(scores, values);
            }
            assertEquals(before, counting.live(), "device buffers after the updates");
            assertEquals(null, scores.grad(), "no gradient");
        } finally {
            Backends.setDefault(backend());
        }
        assertEquals(0, counting.doubleFrees());
    }
}
