package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.Dataset;
import org.jgrad.io.Checkpoint;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.plot.HistoryPlot;
import org.jgrad.train.CsvLogger;
import org.jgrad.train.History;
import org.jgrad.train.ModelCheckpoint;
import org.jgrad.train.MonitorMode;
import org.jgrad.train.ProgressBar;
import org.jgrad.train.Trainer;
import org.jgrad.train.metrics.Accuracy;
import org.jgrad.train.metrics.ConfusionMatrix;

/**
 * The classification examples' common part (digits, MNIST): {@link Trainer#fit} with a progress
 * bar and validation, the test accuracy, the confusion matrix, and the run's files in the output
 * folder: {@code history.csv} (rewritten each epoch by {@link CsvLogger}), {@code loss.png}
 * ({@link HistoryPlot}) and {@code best.safetensors} ({@link ModelCheckpoint} through
 * {@link Checkpoint}: the weights of the epoch with the best validation accuracy, and beside them
 * {@code best.training.safetensors} with the optimizer and schedule).
 */
final class ClassifierRun {
    /** Batch size of evaluation passes, which keep no activations for backward. */
    private static final int EVAL_BATCH = 500;

    /** The three parts of the data, already scaled. */
    record Data(Dataset train, Dataset validation, Dataset test) {
    }

    private ClassifierRun() {
    }

    /** Trains {@code model} and reports; adds train/test sizes, test_acc and train_samples_per_s to the summary. */
    static void run(ExampleArgs args, PrintStream out, Summary summary, Module model, Optimizer optimizer,
            LrSchedule schedule, Data data, List<String> classes, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path csv = outDir.resolve("history.csv");
        Path plot = outDir.resolve("loss.png");
        Path checkpoint = outDir.resolve("best.safetensors");
        out.printf("train %d, validation %d, test %d examples; %,d parameters%n", data.train().size(),
                data.validation().size(), data.test().size(), model.parameterCount());

        Trainer trainer = Trainer.builder(model).loss(new CrossEntropyLoss()).optimizer(optimizer).schedule(schedule)
                .metrics(new Accuracy()).progress(ProgressBar.create(out)).build();
        DataLoader train = new DataLoader(data.train(), args.batchSize()).shuffle(args.seed());
        DataLoader validation = new DataLoader(data.validation(), EVAL_BATCH);
        ModelCheckpoint best = new ModelCheckpoint(checkpoint, (file, t) -> Checkpoint.of(t.model())
                .with(t.optimizer()).with(t.schedule()).save(file)).monitor("val_accuracy", MonitorMode.MAX).saveBestOnly(true);
        long start = System.nanoTime();
        History history = trainer.fit(train, args.epochs(), validation, new CsvLogger(csv), best);
        double fitSeconds = (System.nanoTime() - start) / 1e9;

        DataLoader test = new DataLoader(data.test(), EVAL_BATCH);
        Map<String, Double> scores = trainer.evaluate(test);
        ConfusionMatrix confusion = ConfusionMatrix.of(classes.toArray(new String[0]));
        for (Batch batch : test) {
            try (Scope scope = Scope.open(); batch) {
                Tensor logits = trainer.predict(batch.inputs());
                confusion.update(logits, batch.targets());
            }
        }
        HistoryPlot.write(history, plot);
        double samplesPerSecond = (double) data.train().size() * history.epochs() / fitSeconds;
        out.printf("%nconfusion matrix on the test set (last epoch's weights):%n%s%n%n", confusion);
        out.printf("test accuracy %.4f, test loss %.4f; trained %d epochs in %.1f s (%,.0f samples/s)%n",
                scores.get("accuracy"), scores.get("loss"), history.epochs(), fitSeconds, samplesPerSecond);
        out.println("history:    " + csv.toAbsolutePath());
        out.println("loss curve: " + plot.toAbsolutePath());
        out.println("checkpoint: " + checkpoint.toAbsolutePath() + " (best val_accuracy)");
        summary.put("train_size", data.train().size()).put("test_size", data.test().size())
                .put("test_acc", scores.get("accuracy"), 4).put("train_samples_per_s", Math.round(samplesPerSecond));
    }
}
