package org.jgrad.examples;

import java.io.IOException;
import java.util.List;
import org.jgrad.data.Dataset;
import org.jgrad.data.Datasets;
import org.jgrad.data.FashionMnist;
import org.jgrad.data.Mnist;
import org.jgrad.data.MnistPart;
import org.jgrad.data.Split;
import org.jgrad.data.TensorDataset;

/**
 * The MNIST examples' data: {@code --data mnist} or {@code fashion}, the training set split into
 * train and a 5,000-image validation part, the official test set for testing, and
 * {@code --train-size} to train on a random part only (for a quick run). Pixels stay in [0, 1] as
 * the loaders give them. Missing files fail with the loader's message, which names the
 * {@code scripts/fetch-mnist} command that fetches them.
 */
final class MnistData {
    private static final int VALIDATION = 5_000;

    private MnistData() {
    }

    /** Adds --data and --train-size to {@code spec}. */
    static ExampleSpec options(ExampleSpec spec) {
        return spec.withOption("data", "mnist", "mnist or fashion (Fashion-MNIST)")
                .withOption("train-size", "55000", "training examples used (at most 55000)");
    }

    static List<String> classes(ExampleArgs args) {
        return fashion(args) ? FashionMnist.CLASS_NAMES : List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    static ClassifierRun.Data load(ExampleArgs args) throws IOException {
        boolean fashion = fashion(args);
        TensorDataset train = fashion ? FashionMnist.load(MnistPart.TRAIN) : Mnist.load(MnistPart.TRAIN);
        TensorDataset test = fashion ? FashionMnist.load(MnistPart.TEST) : Mnist.load(MnistPart.TEST);
        int trainSize = Math.min(args.positiveIntOption("train-size"), train.size() - VALIDATION);
        int rest = train.size() - VALIDATION - trainSize;
        List<Dataset> parts = Datasets.randomSplit(train, new int[] {trainSize, VALIDATION, rest}, args.seed());
        return new ClassifierRun.Data(parts.get(0), parts.get(1), test);
    }

    private static boolean fashion(ExampleArgs args) {
        String data = args.option("data");
        if (!data.equals("mnist") && !data.equals("fashion")) {
            throw new UsageException("--data must be mnist or fashion, got '" + data + "'");
        }
        return data.equals("fashion");
    }
}
