package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.SplittableRandom;
import org.jgrad.Generator;
import org.jgrad.data.DataLoader;
import org.jgrad.data.TensorDataset;
import org.jgrad.loss.MSELoss;
import org.jgrad.nn.Linear;
import org.jgrad.optim.SGD;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;

/**
 * {@code ./jgrad linear-regression}, the tutorials' problem: y = x·[1, 2] + noise (x standard
 * normal, noise N(0, 0.1²)), fitted by a {@code Linear(2, 1)} with plain SGD three ways that
 * differ only in the batch size: batch gradient descent (the whole set, one update per epoch), SGD
 * (batch 1, one update per example) and mini-batch ({@code --batch-size}). Every run starts from
 * the same initial weights; the table shows the recovered weights next to the true ones.
 */
public final class LinearRegressionExample {
    static final ExampleSpec SPEC = ExampleSpec.of("linear-regression",
            "y = x·[1, 2] + noise by batch GD, SGD and mini-batch", 20, 16, 0.1)
            .withOption("samples", "500", "number of (x, y) examples");
    private static final float[] TRUE_WEIGHTS = {1, 2};
    private static final double NOISE = 0.1;

    private LinearRegressionExample() {
    }

    public static void main(String[] args) {
        ExampleRun.main(SPEC, args, LinearRegressionExample::run);
    }

    static void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException {
        int n = args.positiveIntOption("samples");
        TensorDataset data = makeData(n, args.seed());
        out.printf("%d examples, true weights [%.1f, %.1f], bias 0, noise sd %.1f; SGD lr %s, %d epochs%n%n",
                n, TRUE_WEIGHTS[0], TRUE_WEIGHTS[1], NOISE, args.lr(0), args.epochs());
        out.printf("%-12s %6s %8s %9s %9s %9s %10s %8s%n", "method", "batch", "updates", "w1", "w2", "bias", "mse", "seconds");
        WeightsHash weights = new WeightsHash();
        fit("batch-gd", n, data, args, out, summary, weights);
        fit("sgd", 1, data, args, out, summary, weights);
        fit("mini-batch", args.batchSize(), data, args, out, summary, weights);
        summary.put("weights_sha256", weights.hex());
    }

    private static void fit(String method, int batchSize, TensorDataset data, ExampleArgs args, PrintStream out,
            Summary summary, WeightsHash weights) throws IOException {
        Generator.manualSeed(args.seed());
        try (Linear model = new Linear(2, 1)) {
            Trainer trainer = Trainer.builder(model).loss(new MSELoss())
                    .optimizer(new SGD(model.parameters(), args.lr(0))).silent().build();
            DataLoader loader = new DataLoader(data, batchSize).shuffle(args.seed());
            long start = System.nanoTime();
            History history = trainer.fit(loader, args.epochs(), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            float[] w = model.weight().toFloatArray();
            float b = model.bias().toFloatArray()[0];
            double mse = history.value(history.epochs(), "loss");
            out.printf("%-12s %6d %8d %9.4f %9.4f %9.4f %10.6f %8.2f%n", method, batchSize,
                    (long) loader.numBatches() * history.epochs(), w[0], w[1], b, mse, seconds);
            summary.put(method.replace("-", "_") + "_w", String.format(java.util.Locale.ROOT, "%.3f,%.3f", w[0], w[1]));
            weights.add(model);
        }
    }

    /** x standard normal [n, 2], y = x·[1, 2] + N(0, NOISE²) as [n, 1], from the seed (host arithmetic). */
    static TensorDataset makeData(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) random.nextGaussian();
            x[2 * i + 1] = (float) random.nextGaussian();
            y[i] = (float) (TRUE_WEIGHTS[0] * x[2 * i] + TRUE_WEIGHTS[1] * x[2 * i + 1] + NOISE * random.nextGaussian());
        }
        return TensorDataset.ofTargets(x, new int[] {2}, y, new int[] {1});
    }
}
