package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.jgrad.NoGrad;
import org.jgrad.Scope;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.schedule.Schedules;
import org.jgrad.spark.Examples;
import org.jgrad.spark.SparkContexts;
import org.jgrad.spark.SparkTrainer;
import org.jgrad.spark.SparkTrainingResult;
import org.jgrad.spark.TrainingStats;
import org.jgrad.train.metrics.Accuracy;

/**
 * {@code ./jgrad spark-mnist}: the MNIST MLP of {@link MnistMlpExample} trained data-parallel on
 * Spark: an embedded {@code local[workers]} master unless spark-submit gave one, one replica per
 * partition, {@code --batch-size} examples per worker per step, a checkpoint every 200 steps.
 */
public final class SparkMnistExample {
    static final ExampleSpec SPEC = MnistData.options(ExampleSpec.of("spark-mnist",
            "MLP 784-256-10 on MNIST, data-parallel on Spark", 5, 128, 2e-3)
            .withOption("workers", "2", "Spark partitions, one model replica each (local[N] when no master is set)")
            .withOption("out", "target/jgrad-runs/spark-mnist", "folder for last.safetensors"));
    private static final int CHECKPOINT_EVERY = 200;

    private SparkMnistExample() {
    }

    public static void main(String[] args) {
        ExampleRun.main(SPEC, args, SparkMnistExample::run);
    }

    static void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException {
        ClassifierRun.Data data = MnistData.load(args);
        int workers = args.positiveIntOption("workers");
        int epochs = args.epochs();
        double lr = args.lr(2e-3);
        JavaSparkContext spark = SparkContexts.getOrCreate("jgrad-spark-mnist", workers);
        try {
            out.printf("Spark %s, master %s; %d workers x batch %d; train %d, test %d examples%n", spark.version(),
                    spark.master(), workers, args.batchSize(), data.train().size(), data.test().size());
            SparkTrainingResult result = SparkTrainer.builder(
                            () -> new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Linear(256, 10)))
                    .optimizer(model -> new Adam(model.parameters(), lr)).schedule(() -> Schedules.cosine(lr, epochs))
                    .epochs(epochs).batchSize(args.batchSize()).seed(args.seed()).progress(out)
                    .checkpoint(Path.of(args.option("out"), "last.safetensors"), CHECKPOINT_EVERY).build()
                    .fit(Examples.fromDataset(spark, data.train(), workers));
            double accuracy = accuracy(result.model(), new DataLoader(data.test(), 500));
            TrainingStats stats = result.stats();
            out.printf("test accuracy %.4f; %d steps in %.1f s; per step: compute %.1f ms, sync %.1f ms (%.0f%%), "
                    + "%,d bytes sent and received per worker%n", accuracy, stats.steps(), stats.seconds(),
                    stats.computeSecondsPerStep() * 1e3, stats.syncSecondsPerStep() * 1e3, 100 * stats.syncFraction(),
                    stats.bytesSentPerStep());
            summary.put("workers", workers).put("train_size", data.train().size()).put("test_acc", accuracy, 4)
                    .put("samples_per_s", Math.round(stats.samplesPerSecond()))
                    .put("sync_fraction", stats.syncFraction(), 3).put("weights_sha256", WeightsHash.of(result.model()));
        } finally {
            spark.stop();
        }
    }

    private static double accuracy(Module model, DataLoader test) {
        Accuracy accuracy = new Accuracy();
        model.eval();
        try (NoGrad noGrad = NoGrad.enter()) {
            for (Batch batch : test) {
                try (Scope scope = Scope.open(); batch) {
                    accuracy.update(model.forward(batch.inputs()), batch.targets());
                }
            }
        }
        return accuracy.result();
    }
}
