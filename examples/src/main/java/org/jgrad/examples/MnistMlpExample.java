package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.schedule.Schedules;

/**
 * {@code ./jgrad mnist-mlp}: a 784-256-10 MLP on MNIST (or {@code --data fashion}), Adam with a
 * cosine schedule; see {@link MnistData} for the data and {@link ClassifierRun} for the report.
 */
public final class MnistMlpExample {
    static final ExampleSpec SPEC = ClassifierRun.options(MnistData.options(ExampleSpec.of("mnist-mlp",
            "MLP 784-256-10 on MNIST or Fashion-MNIST", 5, 64, 1e-3)
            .withOption("out", "target/jgrad-runs/mnist-mlp", "folder for history.csv, loss.png, best.safetensors")));

    private MnistMlpExample() {
    }

    public static void main(String[] args) {
        ExampleRun.main(SPEC, args, MnistMlpExample::run);
    }

    static void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException {
        ClassifierRun.Data data = MnistData.load(args);
        Sequential model = new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Linear(256, 10));
        double lr = args.lr(1e-3);
        summary.put("data", args.option("data"));
        ClassifierRun.run(args, out, summary, model, new Adam(model.parameters(), lr),
                Schedules.cosine(lr, args.epochs()), data, MnistData.classes(args), Path.of(args.option("out")));
    }
}
