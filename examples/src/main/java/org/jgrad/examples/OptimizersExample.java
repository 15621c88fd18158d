package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.data.DataLoader;
import org.jgrad.data.TensorDataset;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.AdamW;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.RMSprop;
import org.jgrad.optim.SGD;
import org.jgrad.optim.schedule.LrSchedule;
import org.jgrad.optim.schedule.Schedules;
import org.jgrad.plot.LossCurves;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.jgrad.train.metrics.Accuracy;

/**
 * {@code ./jgrad optimizers}: the same 2-64-3 MLP on the three-spirals problem, from the same
 * initial weights and batch order, trained with SGD, SGD+momentum, RMSprop, Adam and AdamW at a
 * fixed rate, then with SGD+momentum under the inverse-time, exponential, linear and lambda
 * schedules (stepped per epoch). Writes one PNG of all loss curves and prints a table of final
 * losses. Each optimizer has its own default rate; {@code --lr} sets one rate for all runs.
 */
public final class OptimizersExample {
    static final ExampleSpec SPEC = ExampleSpec.of("optimizers",
            "five optimizers and five schedules on the same model, one plot", 30, 32, null)
            .withOption("out", "target/jgrad-runs/optimizers", "folder for losses.png");

    /** One training run: how to make its optimizer and schedule from the parameters and the rate. */
    private record Run(String name, String schedule, double defaultLr, Function<List<Tensor>, DoubleFunction<Optimizer>> optimizer,
            ScheduleFactory lrSchedule) {
    }

    /** A schedule from the initial rate and the number of epochs. */
    @FunctionalInterface
    private interface ScheduleFactory {
        LrSchedule make(double lr, int epochs);
    }

    private OptimizersExample() {
    }

    public static void main(String[] args) {
        ExampleRun.main(SPEC, args, OptimizersExample::run);
    }

    static void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException {
        Spirals spirals = Spirals.make(3, 200, 7);
        TensorDataset data = TensorDataset.ofLabels(spirals.points(), new int[] {2}, spirals.labels());
        Function<List<Tensor>, DoubleFunction<Optimizer>> sgd = p -> lr -> new SGD(p, lr);
        Function<List<Tensor>, DoubleFunction<Optimizer>> momentum = p -> lr -> new SGD(p, lr).momentum(0.9);
        ScheduleFactory fixed = (lr, epochs) -> Schedules.constant(lr);
        List<Run> runs = List.of(
                new Run("sgd", "fixed", 0.3, sgd, fixed),
                new Run("sgd-momentum", "fixed", 0.05, momentum, fixed),
                new Run("rmsprop", "fixed", 0.01, p -> lr -> new RMSprop(p, lr), fixed),
                new Run("adam", "fixed", 0.01, p -> lr -> new Adam(p, lr), fixed),
                new Run("adamw", "fixed", 0.01, p -> lr -> new AdamW(p, lr), fixed),
                new Run("sgd-momentum", "inverse-time", 0.05, momentum, (lr, epochs) -> Schedules.inverseTime(lr, 0.1)),
                new Run("sgd-momentum", "exponential", 0.05, momentum, (lr, epochs) -> Schedules.exponential(lr, 0.95)),
                new Run("sgd-momentum", "linear", 0.05, momentum, (lr, epochs) -> Schedules.linear(lr, 1.0, 0.05, epochs)),
                new Run("sgd-momentum", "lambda", 0.05, momentum,
                        (lr, epochs) -> Schedules.lambda(lr, epoch -> 1 / Math.sqrt(1 + epoch))));

        out.printf("3 spirals x 200 points, MLP 2-64-3, batch %d, %d epochs; every run starts from the same weights%n%n",
                args.batchSize(), args.epochs());
        out.printf("%-28s %9s %11s %10s %9s%n", "optimizer / schedule", "lr", "final loss", "accuracy", "seconds");
        Map<String, double[]> curves = new LinkedHashMap<>();
        WeightsHash weights = new WeightsHash();
        for (Run run : runs) {
            String label = run.name() + " / " + run.schedule();
            Outcome outcome = train(run, data, args, weights);
            History history = outcome.history();
            curves.put(label, history.values("loss"));
            double loss = history.value(history.epochs(), "loss");
            out.printf("%-28s %9.4f %11.4f %10.3f %9.2f%n", label, args.lr(run.defaultLr()), loss,
                    history.value(history.epochs(), "accuracy"), outcome.seconds());
            summary.put((run.name() + "_" + run.schedule()).replace('-', '_'), loss, 4);
        }
        summary.put("weights_sha256", weights.hex());
        Path plot = Path.of(args.option("out")).resolve("losses.png");
        Files.createDirectories(plot.getParent());
        LossCurves.write(plot, "Training loss by optimizer and schedule", curves);
        out.println();
        out.println("loss curves: " + plot.toAbsolutePath());
    }

    /** One run's per-epoch values and its training time. */
    private record Outcome(History history, double seconds) {
    }

    /** Trains one run from the seed's initial weights and batch order; adds its final weights to {@code weights}. */
    private static Outcome train(Run run, TensorDataset data, ExampleArgs args, WeightsHash weights) throws IOException {
        Generator.manualSeed(args.seed());
        try (Sequential model = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 3))) {
            double lr = args.lr(run.defaultLr());
            Trainer trainer = Trainer.builder(model).loss(new CrossEntropyLoss())
                    .optimizer(run.optimizer().apply(model.parameters()).apply(lr))
                    .schedule(run.lrSchedule().make(lr, args.epochs())).metrics(new Accuracy()).silent().build();
            long start = System.nanoTime();
            History history = trainer.fit(new DataLoader(data, args.batchSize()).shuffle(args.seed()), args.epochs(), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            weights.add(model);
            return new Outcome(history, seconds);
        }
    }
}
