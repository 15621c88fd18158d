package org.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * W workers with batch b train as one process with batch W·b (embedded local[4] master): bitwise
 * equal to one process that runs the W parts through backward in partition order, and within a
 * float32 tolerance of one process that runs the W·b rows as one batch.
 */
class EquivalenceTest {
    private static final int BATCH = 8;
    private static final int EPOCHS = 2;
    private static final long SEED = 42;
    /** float32 tolerance against one GEMM over W·b rows, whose sums run in another order (see DISTRIBUTED.md). */
    private static final float TOLERANCE = 2e-5f;
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = SparkContexts.getOrCreate("jgrad-spark-equivalence", 4);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void workersTrainAsOneProcessWithTheWholeBatch(int workers) {
        JavaRDD<LabeledExample> examples = spark.parallelize(Fixtures.examples(96, 7), workers);
        List<List<LabeledExample>> partitions = examples.glom().collect();
        SparkTrainingResult result = SparkTrainer.builder(Fixtures.model()).optimizer(Fixtures.adam())
                .epochs(EPOCHS).batchSize(BATCH).seed(SEED).build().fit(examples);

        float[][] distributed = Fixtures.weights(result.model());
        float[][] accumulated = SingleProcessReference.train(partitions, BATCH, EPOCHS, SEED, true);
        for (int p = 0; p < distributed.length; p++) {
            assertArrayEquals(Fixtures.bits(accumulated[p]), Fixtures.bits(distributed[p]),
                    "parameter " + p + " with " + workers + " workers");
        }
        assertEquals(EPOCHS, result.history().epochs());
        assertEquals((long) EPOCHS * (96 / workers / BATCH), result.stats().steps());
        assertTrue(result.history().value(EPOCHS, "loss") < result.history().value(1, "loss"), "the loss falls");

        float[][] whole = SingleProcessReference.train(partitions, BATCH, EPOCHS, SEED, false);
        float worst = 0;
        for (int p = 0; p < distributed.length; p++) {
            for (int i = 0; i < distributed[p].length; i++) {
                worst = Math.max(worst, Math.abs(distributed[p][i] - whole[p][i]));
            }
        }
        System.out.printf("W = %d: largest difference from one batch of W·b: %g%n", workers, worst);
        assertTrue(worst <= TOLERANCE, "largest difference from one batch of W·b: " + worst + " > " + TOLERANCE);
    }
}
