package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import org.jgrad.io.TrainingProgress;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Module;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.plot.HistoryPlot;
import org.jgrad.train.Callback;
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
 * {@code best.training.safetensors} with the optimizer and schedule) and {@code last.safetensors}
 * (the same, after every epoch, with the epochs done).
 * {@code --stop-after N} ends training after epoch N of {@code --epochs} and {@code --resume FILE}
 * goes on from such a file: the pair ends with the same weights (and weights_sha256) as one run.
 */
final class ClassifierRun {
    /** Batch size of evaluation passes, which keep no activations for backward. */
    private static final int EVAL_BATCH = 500;

    /** The three parts of the data, already scaled. */
    record Data(Dataset train, Dataset validation, Dataset test) {
    }

    private ClassifierRun() {
    }

    /** {@code spec} with the options every classifier example takes: stopping and resuming. */
    static ExampleSpec options(ExampleSpec spec) {
        return spec.withOption("stop-after", null, "stop after this epoch (of --epochs); out/last.safetensors resumes")
                .withOption("resume", null, "go on from this last.safetensors of a run with the same options");
    }

    /**
     * Trains {@code model} and reports; adds train/test sizes, test_acc, train_samples_per_s and
     * weights_sha256 to the summary.
     */
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
        Checkpoint resumable = Checkpoint.of(model).with(optimizer).with(schedule).withGlobalGenerator();
        int done = 0;
        if (args.option("resume") != null) {
            done = resumable.load(Path.of(args.option("resume"))).epoch();
            train.setEpoch(done);
            out.printf("resumed from %s after epoch %d%n", args.option("resume"), done);
        }
        int stopAfter = args.positiveIntOption("stop-after", args.epochs());
        if (done >= stopAfter || stopAfter > args.epochs()) {
            throw new UsageException("nothing to train: epochs done " + done + ", --stop-after " + stopAfter
                    + ", --epochs " + args.epochs() + " (expected done < stop-after <= epochs)");
        }
        long start = System.nanoTime();
        History history = trainer.fit(train, stopAfter - done, validation, new CsvLogger(csv), best,
                saveEachEpoch(resumable, outDir.resolve("last.safetensors"), done));
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
                .put("test_acc", scores.get("accuracy"), 4).put("train_samples_per_s", Math.round(samplesPerSecond))
                .put("weights_sha256", WeightsHash.of(model));
    }

    /** Writes {@code file} after every epoch: model, optimizer, schedule, generator and the epochs done in all. */
    private static Callback saveEachEpoch(Checkpoint checkpoint, Path file, int done) {
        return new Callback() {
            @Override
            public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
                try {
                    checkpoint.save(file, new TrainingProgress(done + epoch, 0));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
