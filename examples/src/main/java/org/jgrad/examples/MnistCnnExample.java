package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.ResidualBlock;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.schedule.Schedules;

/**
 * {@code ./jgrad mnist-cnn}: a small CNN on MNIST (or {@code --data fashion}):
 * Conv(1→16, 3x3)-BN-ReLU-MaxPool, a ResNet basic block (16 channels), Conv(16→32, 3x3)-BN-ReLU-
 * MaxPool, Dropout(0.25), Linear(32·7·7→10); Adam with a cosine schedule. Channels are kept small
 * so an epoch is affordable on a laptop CPU.
 */
public final class MnistCnnExample {
    static final ExampleSpec SPEC = ClassifierRun.options(MnistData.options(ExampleSpec.of("mnist-cnn",
            "CNN (conv-BN-ReLU-pool, residual block, dropout) on MNIST or Fashion-MNIST", 5, 64, 2e-3)
            .withOption("out", "target/jgrad-runs/mnist-cnn", "folder for history.csv, loss.png, best.safetensors")));

    private MnistCnnExample() {
    }

    public static void main(String[] args) {
        ExampleRun.main(SPEC, args, MnistCnnExample::run);
    }

    static void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException {
        ClassifierRun.Data data = MnistData.load(args);
        Sequential model = new Sequential(
                new Conv2d(1, 16, 3, 1, 1), new BatchNorm2d(16), new ReLU(), new MaxPool2d(2),
                new ResidualBlock(16),
                new Conv2d(16, 32, 3, 1, 1), new BatchNorm2d(32), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Dropout(0.25), new Linear(32 * 7 * 7, 10));
        double lr = args.lr(2e-3);
        summary.put("data", args.option("data"));
        ClassifierRun.run(args, out, summary, model, new Adam(model.parameters(), lr),
                Schedules.cosine(lr, args.epochs()), data, MnistData.classes(args), Path.of(args.option("out")));
    }
}
