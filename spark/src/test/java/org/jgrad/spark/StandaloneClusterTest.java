package org.jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.jgrad.optim.schedule.Schedules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a real standalone cluster: a Master and two Workers as separate JVMs on 127.0.0.1,
 * each Worker running one executor JVM, the test JVM as the driver. One executor is killed with
 * SIGKILL mid-round ({@link KillingLoss}); Spark reruns the round's barrier stage on a new
 * executor from the broadcast state, and training completes and ends bitwise where an undisturbed run from the same
 * checkpoint ends, so no update was lost or applied twice.
 */
class StandaloneClusterTest {
    private static final int BATCH = 8;
    private static final long SEED = 9;
    private static StandaloneCluster cluster;
    private static JavaSparkContext spark;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        cluster = new StandaloneCluster(2, Path.of("target", "standalone-cluster"));
        SparkConf conf = new SparkConf().setMaster(cluster.masterUrl()).setAppName("jgrad-standalone-test")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.executor.memory", "512m").set("spark.executor.cores", "1")
                .set("spark.cores.max", "2").set("spark.executor.extraClassPath", testClassPath())
                .set("spark.executor.extraJavaOptions", "--add-modules jdk.incubator.vector -Djgrad.backend=cpu")
                .set("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "1s");
        spark = new JavaSparkContext(conf);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (spark.statusTracker().getExecutorInfos().length < 3) { // the driver and two executors
            assertTrue(System.nanoTime() < deadline, "two executors did not register within 120 s; see target/standalone-cluster");
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (spark != null) {
                spark.stop();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** The test JVM's class path (surefire's, where it gives it): the jgrad and test classes the executors need. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static SparkTrainerBuilder trainer(int epochs) {
        return SparkTrainer.builder(Fixtures.model()).optimizer(Fixtures.adam())
                .schedule(() -> Schedules.cosine(1e-2, 3)).epochs(epochs).batchSize(BATCH).seed(SEED)
                .progress(System.out);
    }

    @Test
    void anExecutorKilledMidRunLosesNoUpdateAndAppliesNoneTwice() {
        JavaRDD<LabeledExample> examples = spark.parallelize(Fixtures.examples(256, 11), 2);
        Path start = dir.resolve("epoch1.safetensors");
        trainer(1).checkpoint(start, 1000).build().fit(examples);
        SparkTrainingResult undisturbed = trainer(3).resumeFrom(start).build().fit(examples);

        AtomicInteger failedTasks = new AtomicInteger();
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed() || end.taskInfo().killed()) {
                    failedTasks.incrementAndGet();
                }
            }
        });
        Path marker = dir.resolve("killed");
        SparkTrainingResult disturbed = trainer(3).resumeFrom(start).loss(KillingLoss.factory(marker)).build()
                .fit(examples);

        assertTrue(Files.exists(marker), "an executor was killed");
        assertTrue(failedTasks.get() > 0, "the kill made tasks fail, so the retry path ran");
        assertEquals(32, disturbed.stats().steps());
        assertEquals(32, undisturbed.stats().steps());
        float[][] a = Fixtures.weights(disturbed.model());
        float[][] b = Fixtures.weights(undisturbed.model());
        for (int p = 0; p < a.length; p++) {
            assertArrayEquals(Fixtures.bits(b[p]), Fixtures.bits(a[p]), "parameter " + p);
        }
    }
}
