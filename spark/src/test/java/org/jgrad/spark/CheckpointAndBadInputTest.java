package org.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.jgrad.optim.schedule.Schedules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints every N steps and resume; bad input stops training with the partition and step
 * named, the Spark context still usable and the last checkpoint intact (embedded local[2]).
 */
class CheckpointAndBadInputTest {
    private static final int BATCH = 8;
    private static final long SEED = 5;
    private static final int EXAMPLES = 96;
    private static JavaSparkContext spark;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkContexts.getOrCreate("jgrad-spark-checkpoints", 2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SparkTrainerBuilder trainer(int epochs) {
        return SparkTrainer.builder(Fixtures.model()).optimizer(Fixtures.adam())
                .schedule(() -> Schedules.cosine(1e-2, 2)).epochs(epochs).batchSize(BATCH).seed(SEED);
    }

    @Test
    void nanLossNamesPartitionAndStepAndResumingFromTheLastCheckpointMatchesACleanRun() throws IOException {
        List<LabeledExample> clean = Fixtures.examples(EXAMPLES, 3);
        // partition 1 holds examples 48..95; the one it draws first in step 5 (epoch 0) gets a NaN input
        int perPartition = EXAMPLES / 2;
        int row = BatchOrder.epochOrder(SEED, 0, 1, perPartition)[5 * BATCH];
        List<LabeledExample> poisoned = new ArrayList<>(clean);
        float[] values = clean.get(perPartition + row).values().clone();
        values[3] = Float.NaN;
        poisoned.set(perPartition + row, LabeledExample.of(values, clean.get(perPartition + row).label(), Fixtures.INPUTS));
        Path checkpoint = dir.resolve("last.safetensors");

        SparkTrainingException failure = assertThrows(SparkTrainingException.class,
                () -> trainer(2).checkpoint(checkpoint, 4).build().fit(spark.parallelize(poisoned, 2)));
        assertEquals(1, failure.partition(), failure.getMessage());
        assertEquals(5, failure.step(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("partition 1, step 5: the worker's loss is NaN"), failure.getMessage());

        SparkTrainingResult resumed = trainer(2).resumeFrom(checkpoint).build().fit(spark.parallelize(clean, 2));
        SparkTrainingResult straight = trainer(2).build().fit(spark.parallelize(clean, 2));
        assertEquals(12 - 4, resumed.stats().steps(), "resumed at the checkpoint of step 4");
        float[][] a = Fixtures.weights(resumed.model());
        float[][] b = Fixtures.weights(straight.model());
        for (int p = 0; p < a.length; p++) {
            assertArrayEquals(Fixtures.bits(b[p]), Fixtures.bits(a[p]), "parameter " + p);
        }
    }

    @Test
    void anEmptyPartitionIsNamedAndTheCheckpointIsLeftAsItWas() throws IOException {
        Path checkpoint = dir.resolve("last.safetensors");
        trainer(1).checkpoint(checkpoint, 4).build().fit(spark.parallelize(Fixtures.examples(EXAMPLES, 3), 2));
        byte[] before = Files.readAllBytes(checkpoint);
        JavaRDD<LabeledExample> oneEmpty = spark.parallelize(Fixtures.examples(EXAMPLES, 3), 2)
                .mapPartitionsWithIndex((i, it) -> i == 1 ? Collections.emptyIterator() : it, false);

        SparkTrainingException failure = assertThrows(SparkTrainingException.class,
                () -> trainer(1).checkpoint(checkpoint, 4).build().fit(oneEmpty));
        assertTrue(failure.getMessage().startsWith("partition 1, step 0: the partition is empty"), failure.getMessage());
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
        assertEquals(EXAMPLES, spark.parallelize(Fixtures.examples(EXAMPLES, 3), 2).count(), "the context still runs jobs");
    }

    @Test
    void aPartitionOfAnotherShapeIsNamedWithBothShapes() {
        List<LabeledExample> examples = new ArrayList<>(Fixtures.examples(EXAMPLES / 2, 3));
        for (LabeledExample e : Fixtures.examples(EXAMPLES / 2, 4)) {
            examples.add(LabeledExample.of(new float[Fixtures.INPUTS + 1], e.label(), Fixtures.INPUTS + 1));
        }
        Path checkpoint = dir.resolve("never.safetensors");
        SparkTrainingException failure = assertThrows(SparkTrainingException.class,
                () -> trainer(1).checkpoint(checkpoint, 4).build().fit(spark.parallelize(examples, 2)));
        assertEquals("partition 1, step 0: examples have shape [13], expected [12] like partition 0's", failure.getMessage());
        assertFalse(Files.exists(checkpoint));
    }
}
