package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.jgrad.data.Dataset;
import org.jgrad.data.Datasets;
import org.jgrad.data.Digits;
import org.jgrad.data.FeatureScaler;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.optim.schedule.Schedules;

/**
 * {@code ./jgrad digits}, the main job: a 64-128-10 MLP learns the embedded 8x8 digits (no
 * download). The 1,797 images are split 70/10/20 into train, validation and test; standardisation
 * is fitted on the training part only. Trained with Adam, a cosine schedule and {@code Trainer.fit}, it prints the test
 * accuracy (≥ 0.95 expected), the confusion matrix and where the loss curve, history CSV and
 * checkpoint went.
 */
public final class DigitsExample {
    static final ExampleSpec SPEC = ClassifierRun.options(ExampleSpec.of("digits", "MLP 64-128-10 on the embedded 8x8 digits", 20, 32,
            1e-3).withOption("out", "target/jgrad-runs/digits", "folder for history.csv, loss.png, best.safetensors"));

    private DigitsExample() {
    }

    public static void main(String[] args) {
        ExampleRun.main(SPEC, args, DigitsExample::run);
    }

    static void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException {
        List<Dataset> parts = Datasets.randomSplit(Digits.load(), new double[] {0.7, 0.1, 0.2}, args.seed());
        FeatureScaler scaler = FeatureScaler.standardize(parts.get(0));
        ClassifierRun.Data data = new ClassifierRun.Data(parts.get(0).transformed(scaler),
                parts.get(1).transformed(scaler), parts.get(2).transformed(scaler));
        Sequential model = new Sequential(new Linear(Digits.FEATURES, 128), new ReLU(), new Linear(128, Digits.CLASSES));
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        double lr = args.lr(1e-3);
        ClassifierRun.run(args, out, summary, model, new Adam(model.parameters(), lr),
                Schedules.cosine(lr, args.epochs()), data, classes, Path.of(args.option("out")));
    }
}
