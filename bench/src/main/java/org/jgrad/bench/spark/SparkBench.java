package org.jgrad.bench.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.jgrad.NoGrad;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.bench.Options;
import org.jgrad.bench.mlp.JgradMlp;
import org.jgrad.bench.mlp.MnistArrays;
import org.jgrad.data.Mnist;
import org.jgrad.data.MnistPart;
import org.jgrad.data.TensorDataset;
import org.jgrad.nn.Module;
import org.jgrad.optim.SGD;
import org.jgrad.spark.Examples;
import org.jgrad.spark.SparkContexts;
import org.jgrad.spark.SparkTrainer;
import org.jgrad.spark.SparkTrainingResult;
import org.jgrad.spark.TrainingStats;

/**
 * {@code bench/run spark}: the {@code bench/run mlp} model and optimizer (784-256-10, Xavier, SGD
 * lr 0.1) trained by {@link SparkTrainer} on {@code local[W]}, {@code --batch-size} per worker.
 * One warm-up epoch on 10,000 images, then {@code --epochs} measured. Last line:
 * {@code spark workers=W samples_per_s=X compute_ms=C sync_ms=S sync_fraction=F bytes_per_step=B test_acc=A}.
 */
public final class SparkBench {
    private static final int WARMUP_EXAMPLES = 10_000;

    private SparkBench() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, "--workers", "--epochs", "--batch-size", "--data");
        int workers = options.integer("--workers", 2, 1);
        int epochs = options.integer("--epochs", 2, 1);
        int batch = options.integer("--batch-size", 128, 1);
        Path data = options.path("--data", Mnist.defaultDirectory());
        MnistArrays train = MnistArrays.load(data, MnistPart.TRAIN);
        MnistArrays test = MnistArrays.load(data, MnistPart.TEST);
        JavaSparkContext spark = SparkContexts.getOrCreate("jgrad-bench-spark", workers);
        try {
            float[] warmPixels = Arrays.copyOf(train.pixels(), WARMUP_EXAMPLES * MnistArrays.FEATURES);
            int[] warmLabels = Arrays.copyOf(train.labels(), WARMUP_EXAMPLES);
            trainer(1, batch).fit(Examples.fromDataset(spark,
                    TensorDataset.ofLabels(warmPixels, new int[] {MnistArrays.FEATURES}, warmLabels), workers));
            SparkTrainingResult result = trainer(epochs, batch).fit(Examples.fromDataset(spark,
                    TensorDataset.ofLabels(train.pixels(), new int[] {MnistArrays.FEATURES}, train.labels()), workers));
            TrainingStats s = result.stats();
            System.out.printf(Locale.ROOT, "spark workers=%d samples_per_s=%.0f compute_ms=%.2f sync_ms=%.2f "
                    + "sync_fraction=%.3f bytes_per_step=%d test_acc=%.4f%n", workers, s.samplesPerSecond(),
                    s.computeSecondsPerStep() * 1e3, s.syncSecondsPerStep() * 1e3, s.syncFraction(),
                    s.bytesSentPerStep(), accuracy(result.model(), test));
        } finally {
            spark.stop();
        }
    }

    private static SparkTrainer trainer(int epochs, int batch) {
        return SparkTrainer.builder(JgradMlp::network).optimizer(model -> new SGD(model.parameters(), 0.1))
                .epochs(epochs).batchSize(batch).seed(1).build();
    }

    private static double accuracy(Module model, MnistArrays test) {
        int n = test.labels().length;
        model.eval();
        try (NoGrad noGrad = NoGrad.enter(); Tensor x = Tensors.fromArray(test.pixels(), n, MnistArrays.FEATURES);
                Tensor scores = model.forward(x)) {
            return MnistArrays.correct(scores.toFloatArray(), test.labels(), n) / (double) n;
        }
    }
}
