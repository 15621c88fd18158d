package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.train.metrics.Accuracy;
import org.jgrad.train.metrics.Average;
import org.jgrad.train.metrics.BinaryAccuracy;
import org.jgrad.train.metrics.ConfusionMatrix;
import org.jgrad.train.metrics.F1Score;
import org.jgrad.train.metrics.Precision;
import org.jgrad.train.metrics.Recall;
import org.junit.jupiter.api.Test;

/** Classification metrics on hand-made cases: scikit-learn's documented example, perfect and all-wrong predictions. */
public class ClassMetricEdgeConformance extends TensorConformanceSupport {
    private static final double TOL = 1e-12;
    /** scikit-learn's precision_score / recall_score / f1_score docstring example. */
    private static final int[] TRUE = {0, 1, 2, 0, 1, 2};
    private static final int[] PRED = {0, 2, 1, 0, 0, 1};

    private static Tensor classes(int... labels) {
        return Tensors.fromArray(labels, labels.length);
    }

    @Test
    void scikitLearnsDocumentedExampleFromPredictedClassIndices() {
        Precision precision = new Precision(3, Average.MACRO);
        Recall recall = new Recall(3, Average.MACRO);
        F1Score f1 = new F1Score(3, Average.MACRO);
        F1Score f1Weighted = new F1Score(3, Average.WEIGHTED);
        for (var metric : new org.jgrad.train.metrics.Metric[] {precision, recall, f1, f1Weighted}) {
            metric.update(classes(PRED), classes(TRUE));
        }
        // precision_score(average=None) is [0.66.., 0, 0]; macro 0.22..; f1 per class [0.8, 0, 0]
        assertArrayEquals(new double[] {2.0 / 3, 0, 0}, precision.perClass(), TOL);
        assertEquals(2.0 / 9, precision.result(), TOL);
        assertArrayEquals(new double[] {1, 0, 0}, recall.perClass(), TOL);
        assertEquals(1.0 / 3, recall.result(), TOL);
        assertArrayEquals(new double[] {0.8, 0, 0}, f1.perClass(), TOL);
        assertEquals(0.8 / 3, f1.result(), TOL);
        assertEquals(0.8 / 3, f1Weighted.result(), TOL);
    }

    @Test
    void aClassNeverPredictedScoresZeroPrecisionAndCountsInTheMacroAverage() {
        Precision precision = new Precision(3, Average.MACRO);
        precision.update(classes(0, 0, 0, 0, 0, 0), classes(TRUE));
        assertArrayEquals(new double[] {1.0 / 3, 0, 0}, precision.perClass(), TOL);
        assertEquals(1.0 / 9, precision.result(), TOL);
    }

    @Test
    void perfectPredictionsScoreOneAndAllWrongScoreZero() {
        float[] scores = {2, -1, 0, /**/ -1, 3, 0.5f, /**/ 0, 0, 1, /**/ 9, 8, 7};
        int[] right = {0, 1, 2, 0};
        int[] wrong = {1, 2, 0, 2};
        for (Average average : new Average[] {Average.MACRO, Average.MICRO, Average.WEIGHTED}) {
            F1Score perfect = new F1Score(3, average);
            perfect.update(Tensors.fromArray(scores, 4, 3), classes(right));
            assertEquals(1, perfect.result(), TOL, "perfect " + average);
            Precision none = new Precision(3, average);
            none.update(Tensors.fromArray(scores, 4, 3), classes(wrong));
            assertEquals(0, none.result(), TOL, "all wrong " + average);
        }
        Accuracy accuracy = new Accuracy();
        accuracy.update(Tensors.fromArray(scores, 4, 3), classes(right));
        assertEquals(1, accuracy.result());
        accuracy.reset();
        assertTrue(Double.isNaN(accuracy.result()), "NaN before any sample");
        accuracy.update(Tensors.fromArray(scores, 4, 3), classes(wrong));
        assertEquals(0, accuracy.result());
    }

    @Test
    void binaryMetricsThresholdOneScorePerSample() {
        int n = 129;
        float[] probabilities = randomFloats(n, 21, 0, 1);
        int[] truth = randomIndices(n, 2, 22);
        Tensor scores = Tensors.fromArray(probabilities, n, 1);
        Tensor targets = Tensors.fromArray(labelsAsFloats(truth), n, 1);
        for (double threshold : new double[] {0.5, 0.3}) {
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                predicted[i] = probabilities[i] > threshold ? 1 : 0;
            }
            Precision precision = Precision.binary(threshold);
            Recall recall = Recall.binary(threshold);
            F1Score f1 = F1Score.binary(threshold);
            BinaryAccuracy accuracy = new BinaryAccuracy(threshold);
            precision.update(scores, targets);
            recall.update(scores, targets);
            f1.update(scores, targets);
            accuracy.update(scores, targets);
            assertEquals(MetricReference.perClass(MetricReference.Score.PRECISION, truth, predicted, 2)[1], precision.result(), TOL);
            assertEquals(MetricReference.perClass(MetricReference.Score.RECALL, truth, predicted, 2)[1], recall.result(), TOL);
            assertEquals(MetricReference.perClass(MetricReference.Score.F1, truth, predicted, 2)[1], f1.result(), TOL);
            assertEquals(MetricReference.accuracy(truth, predicted), accuracy.result(), TOL);
            assertEquals("precision", precision.name());
        }
    }

    @Test
    void binaryAccuracyAveragesOverEveryEntryOfMultiLabelBatches() {
        BinaryAccuracy accuracy = new BinaryAccuracy(0.0);
        int correct = 0;
        int total = 0;
        for (int rows : MetricReference.UNEVEN_BATCHES) {
            float[] logits = randomFloats(rows * 3, rows, -2, 2);
            int[] truth = randomIndices(rows * 3, 2, rows + 100);
            for (int i = 0; i < logits.length; i++) {
                correct += (logits[i] > 0 ? 1 : 0) == truth[i] ? 1 : 0;
            }
            total += logits.length;
            accuracy.update(Tensors.fromArray(logits, rows, 3), Tensors.fromArray(truth, rows, 3));
        }
        assertEquals((double) correct / total, accuracy.result(), TOL);
        assertEquals("binary_accuracy", accuracy.name());
    }

    @Test
    void confusionMatrixPrintsRowsTrueAndColumnsPredictedWithLabels() {
        ConfusionMatrix matrix = ConfusionMatrix.of("cat", "dog", "hamster");
        int[] truth = new int[1012];
        int[] predicted = new int[1012];
        // 1000 cats right, 5 dogs taken for cats, 2 dogs right, 3 hamsters taken for dogs, 2 right
        int i = 0;
        for (int[] cell : new int[][] {{0, 0, 1000}, {1, 0, 5}, {1, 1, 2}, {2, 1, 3}, {2, 2, 2}}) {
            for (int j = 0; j < cell[2]; j++, i++) {
                truth[i] = cell[0];
                predicted[i] = cell[1];
            }
        }
        matrix.update(classes(predicted), classes(truth));
        String expected = ""
                + "true \\ predicted   cat  dog  hamster\n"
                + "cat               1000    0        0\n"
                + "dog                  5    2        0\n"
                + "hamster              0    3        2";
        assertEquals(expected, matrix.toString());
        matrix.reset();
        assertEquals(0, matrix.total());
    }
}
