package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.conformance.MetricReference.Score;
import org.jgrad.train.metrics.Accuracy;
import org.jgrad.train.metrics.Average;
import org.jgrad.train.metrics.ClassScore;
import org.jgrad.train.metrics.ConfusionMatrix;
import org.jgrad.train.metrics.F1Score;
import org.jgrad.train.metrics.Metric;
import org.jgrad.train.metrics.Precision;
import org.jgrad.train.metrics.Recall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accuracy, confusion matrix, precision, recall and F1 streamed over batches of uneven sizes,
 * against float64 references over all samples at once (scikit-learn's definitions).
 */
public class ClassMetricConformance extends TensorConformanceSupport {
    private static final double TOL = 1e-12;

    /** Random logits [n, k] for labels in [0, truthClasses), with one class's scores pushed down so it is never predicted. */
    record Data(float[] scores, int[] truth, int k) {
        int n() {
            return truth.length;
        }

        int[] predicted() {
            return MetricReference.argmax(scores, n(), k);
        }

        static Data random(int n, int k, int truthClasses, int neverPredicted, long seed) {
            float[] scores = randomFloats(n * k, seed, -3, 3);
            for (int i = 0; i < n && neverPredicted >= 0; i++) {
                scores[i * k + neverPredicted] -= 10;
            }
            return new Data(scores, randomIndices(n, truthClasses, seed + 1), k);
        }
    }

    /** Feeds data to the metric in the uneven batches; odd batches get FLOAT32 [b, 1] targets, even ones INT32 [b]. */
    static void stream(Data data, Metric metric) {
        int start = 0;
        int batch = 0;
        for (int size : MetricReference.UNEVEN_BATCHES) {
            Tensor scores = Tensors.fromArray(Arrays.copyOfRange(data.scores, start * data.k, (start + size) * data.k), size, data.k);
            int[] labels = Arrays.copyOfRange(data.truth, start, start + size);
            Tensor targets = batch++ % 2 == 0 ? Tensors.fromArray(labels, size)
                    : Tensors.fromArray(labelsAsFloats(labels), size, 1);
            metric.update(scores, targets);
            start += size;
        }
    }


    private static Data scenario(String name) {
        int n = MetricReference.total(MetricReference.UNEVEN_BATCHES);
        return switch (name) {
            case "random" -> Data.random(n, 5, 5, -1, 11);
            // class 4 is true for some samples but never predicted; class 5 is predicted but never true
            case "neverPredicted" -> Data.random(n, 6, 5, 4, 12);
            // class 3 neither occurs nor is predicted: the macro average leaves it out
            case "absentClass" -> Data.random(n, 4, 3, 3, 13);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static List<Arguments> scoreCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String scenario : List.of("random", "neverPredicted", "absentClass")) {
            for (Score score : Score.values()) {
                for (Average average : List.of(Average.MACRO, Average.MICRO, Average.WEIGHTED)) {
                    cases.add(Arguments.of(scenario, score, average));
                }
            }
        }
        return cases;
    }

    static ClassScore make(Score score, int k, Average average) {
        return switch (score) {
            case PRECISION -> new Precision(k, average);
            case RECALL -> new Recall(k, average);
            case F1 -> new F1Score(k, average);
        };
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("scoreCases")
    void classScoresMatchScikitLearnDefinitions(String scenario, Score score, Average average) {
        Data data = scenario(scenario);
        ClassScore metric = make(score, data.k, average);
        stream(data, metric);
        int[] predicted = data.predicted();
        double expected = switch (average) {
            case MACRO -> MetricReference.macro(score, data.truth, predicted, data.k);
            case MICRO -> MetricReference.micro(score, data.truth, predicted);
            default -> MetricReference.weighted(score, data.truth, predicted, data.k);
        };
        assertEquals(expected, metric.result(), TOL, metric.name());
        assertArrayEquals(MetricReference.perClass(score, data.truth, predicted, data.k), metric.perClass(), TOL);
        assertEquals(score.name().toLowerCase() + "_" + average.name().toLowerCase(), metric.name());
    }

    @Test
    void confusionCountsAndAccuracyMatchAllSamplesAtOnce() {
        Data data = scenario("neverPredicted");
        ConfusionMatrix matrix = ConfusionMatrix.of(data.k);
        Accuracy accuracy = new Accuracy();
        stream(data, new Both(matrix, accuracy));
        long[][] expected = MetricReference.confusion(data.truth, data.predicted(), data.k);
        for (int t = 0; t < data.k; t++) {
            for (int p = 0; p < data.k; p++) {
                assertEquals(expected[t][p], matrix.count(t, p), "count(" + t + ", " + p + ")");
            }
        }
        assertEquals(data.n(), matrix.total());
        assertEquals(0, matrix.predicted(4), "class 4 is never predicted");
        assertEquals(MetricReference.accuracy(data.truth, data.predicted()), accuracy.result(), TOL);
        assertEquals(accuracy.result(), streamed(data, new F1Score(data.k, Average.MICRO)), TOL, "micro F1 is accuracy");
    }

    private static double streamed(Data data, Metric metric) {
        stream(data, metric);
        return metric.result();
    }

    /** Updates a confusion matrix and a metric with the same batches. */
    private record Both(ConfusionMatrix matrix, Metric metric) implements Metric {
        public String name() {
            return metric.name();
        }

        public void update(Tensor predictions, Tensor targets) {
            matrix.update(predictions, targets);
            metric.update(predictions, targets);
        }

        public double result() {
            return metric.result();
        }

        public void reset() {
            matrix.reset();
            metric.reset();
        }
    }
}
