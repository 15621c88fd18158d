package org.jgrad.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rpc.RpcEndpointRef;
import org.apache.spark.storage.StorageLevel;
import org.jgrad.io.TrainingProgress;
import org.jgrad.train.History;
import org.jgrad.train.ScheduleStep;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Synchronous data-parallel training on Spark: one replica per partition of the examples, each
 * step every replica computes the gradient of its own batch, the gradients are summed in
 * partition order and every replica takes the same optimizer step. W partitions with batch b
 * train as one process with batch W·b.
 *
 * <pre>{@code
 * JavaSparkContext spark = SparkContexts.getOrCreate("mnist", 2);
 * SparkTrainingResult result = SparkTrainer.builder(() -> new Sequential(new Linear(784, 10)))
 *         .optimizer(m -> new Adam(m.parameters(), 1e-3)).epochs(5).batchSize(128).seed(1)
 *         .checkpoint(Path.of("run/last.safetensors"), 200).build()
 *         .fit(examples.repartition(2));
 * }</pre>
 *
 * <p>Training runs in rounds, each one Spark barrier stage of up to one epoch or one checkpoint
 * interval: the driver broadcasts its state, the replicas run the round's steps, partition 0
 * returns the new state, every replica a hash of its weights, which the driver checks are equal.
 * A failed task (a lost executor) makes Spark rerun the whole stage from the broadcast state, so
 * no update is lost or applied twice.
 */
public final class SparkTrainer {
    private final SparkTrainerBuilder config;

    SparkTrainer(SparkTrainerBuilder config) {
        this.config = config;
    }

    /** Starts configuring training of the models {@code model} builds. */
    public static SparkTrainerBuilder builder(ModelFactory model) {
        return new SparkTrainerBuilder(model);
    }

    /** Trains on {@code examples}, one worker per partition; see the class comment. */
    public SparkTrainingResult fit(JavaRDD<LabeledExample> examples) {
        boolean persisted = examples.getStorageLevel() != StorageLevel.NONE();
        if (!persisted) {
            examples.persist(StorageLevel.MEMORY_ONLY());
        }
        try {
            return train(examples);
        } finally {
            if (!persisted) {
                examples.unpersist(false);
            }
        }
    }

    private SparkTrainingResult train(JavaRDD<LabeledExample> examples) {
        int workers = examples.getNumPartitions();
        int stepsPerEpoch = PartitionSurvey.stepsPerEpoch(PartitionSurvey.of(examples), config.batchSize);
        TrainingSpec spec = new TrainingSpec(config.model, config.optimizer, config.schedule, config.loss,
                config.batchSize, config.seed, config.scheduleStep, stepsPerEpoch);
        long total = (long) config.epochs * stepsPerEpoch;
        Replica driver = Replica.initial(spec, config.seed);
        long step = config.resumeFrom == null ? 0 : resume(driver, config.resumeFrom, total);
        History history = new History();
        RoundTotals totals = new RoundTotals(workers, config.batchSize, driver.model().parameterCount());
        double epochLoss = 0;
        int epochSteps = 0;
        long start = System.nanoTime();
        String reducerName = "jgrad-gradient-reducer-" + UUID.randomUUID();
        RpcEndpointRef reducer = GradientReducer.start(reducerName);
        try {
            while (step < total) {
                int steps = roundLength(spec, step, total);
                List<RoundResult> results = runRound(examples, spec, reducerName,
                        new RoundPlan(step, steps, driver.stateBytes(new TrainingProgress(spec.epochOf(step), step))));
                RoundResult first = checked(results, step);
                driver.loadState(first.state());
                totals.add(results, steps);
                for (double loss : first.losses()) {
                    epochLoss += loss;
                }
                epochSteps += steps;
                step += steps;
                if (spec.stepInEpoch(step) == 0) {
                    double loss = epochLoss / epochSteps;
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("loss", loss);
                    values.put("lr", driver.optimizer().lr());
                    history.addEpoch(values);
                    if (driver.schedule() != null && spec.scheduleStep() == ScheduleStep.PER_EPOCH) {
                        driver.schedule().step(loss);
                    }
                    epochLoss = 0;
                    epochSteps = 0;
                }
                report(step, total, stepsPerEpoch, first.losses()[steps - 1], totals, start);
                if (config.checkpoint != null) {
                    save(driver, new TrainingProgress(spec.epochOf(step), step));
                }
            }
        } finally {
            GradientReducer.stop(reducer);
        }
        driver.optimizer().close();
        return new SparkTrainingResult(driver.model(), history, totals.stats((System.nanoTime() - start) / 1e9));
    }

    /**
     * One round as one barrier stage; the results sorted by partition. The shuffle after it makes
     * the barrier stage a shuffle-map stage, which Spark reruns whole when a task fails (a failed
     * barrier result stage would end the job).
     */
    private static List<RoundResult> runRound(JavaRDD<LabeledExample> examples, TrainingSpec spec, String reducer,
            RoundPlan round) {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(examples.context());
        ClassTag<RoundResult> tag = ClassTag$.MODULE$.apply(RoundResult.class);
        Broadcast<RoundPlan> plan = spark.broadcast(round);
        try {
            return examples.rdd().barrier().mapPartitions(new ReplicaRound(spec, plan, reducer), false, tag).toJavaRDD()
                    .repartition(1).collect().stream().sorted(Comparator.comparingInt(RoundResult::partition)).toList();
        } finally {
            plan.destroy();
        }
    }

    /** A round ends at the next checkpoint, the end of the epoch or the end of training, whichever comes first. */
    private int roundLength(TrainingSpec spec, long step, long total) {
        long end = Math.min(total, step + spec.stepsPerEpoch() - spec.stepInEpoch(step));
        if (config.checkpoint != null) {
            end = Math.min(end, (step / config.checkpointEvery + 1) * config.checkpointEvery);
        }
        return (int) (end - step);
    }

    /** Stops on a non-finite loss and checks that the replicas hold the same weights. */
    private static RoundResult checked(List<RoundResult> results, long firstStep) {
        RoundResult first = results.get(0);
        if (first.failed()) {
            throw new SparkTrainingException(first.badPartition(), first.badStep(), "the worker's loss is "
                    + first.badLoss() + "; every replica stopped before applying this step");
        }
        for (RoundResult r : results) {
            if (r.parameterHash() != first.parameterHash()) {
                throw new IllegalStateException("replica of partition " + r.partition() + " holds other weights than "
                        + "partition 0's after the round from step " + firstStep + ": the backend is not deterministic");
            }
        }
        return first;
    }

    private static long resume(Replica driver, Path file, long total) {
        try {
            long step = driver.checkpoint().load(file).step();
            if (step > total) {
                throw new IllegalArgumentException(file + ": the checkpoint is at step " + step + ", past this run's "
                        + total + " steps");
            }
            return step;
        } catch (IOException e) {
            throw new UncheckedIOException("SparkTrainer: cannot resume from " + file + ": " + e.getMessage(), e);
        }
    }

    private void save(Replica driver, TrainingProgress progress) {
        try {
            Path parent = config.checkpoint.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            driver.checkpoint().save(config.checkpoint, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("SparkTrainer: cannot write checkpoint " + config.checkpoint + ": "
                    + e.getMessage(), e);
        }
    }

    private void report(long step, long total, int stepsPerEpoch, double loss, RoundTotals totals, long start) {
        PrintStream out = config.progress;
        if (out != null) {
            TrainingStats now = totals.stats((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "epoch %d step %d/%d loss %.4f  %,.0f samples/s  sync %.1f ms/step (%.0f%%)%n",
                    (step - 1) / stepsPerEpoch + 1, step, total, loss, now.samplesPerSecond(),
                    now.syncSecondsPerStep() * 1e3, 100 * now.syncFraction());
        }
    }
}
