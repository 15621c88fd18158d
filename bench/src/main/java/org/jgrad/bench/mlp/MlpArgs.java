package org.jgrad.bench.mlp;

import java.nio.file.Path;
import org.jgrad.data.Mnist;

/**
 * The benchmark's options, the same for jgrad and its peers: {@code --model mlp|cnn} (default
 * mlp), {@code --backend NAME} (jgrad only; default cpu), {@code --data DIR} (MNIST IDX files;
 * default the jgrad data home's mnist folder), {@code --epochs E} (default 3), {@code --batch-size
 * N} (default 128 for the MLP, 64 for the CNN), {@code --lr RATE} (default 0.1, the MLP's SGD; 1e-3,
 * the CNN's Adam), {@code --train-size N} (train on the first N training images; default all),
 * {@code --seed N} (initial weights and shuffling, default 1) and {@code --feed upload|resident}
 * (default upload: each batch is gathered on the host and handed over; resident: the framework
 * holds the training set and gathers each batch itself, which only the DJL harness does).
 */
public record MlpArgs(String model, String backend, Path data, int epochs, int batchSize, double lr,
        int trainSize, long seed, String feed) {

    /** Parses {@code args}; an unknown option or a missing value fails naming the options. */
    public static MlpArgs parse(String[] args) {
        String model = "mlp";
        String backend = "cpu";
        Path data = Mnist.defaultDirectory();
        int epochs = 3;
        Integer batchSize = null;
        Double lr = null;
        int trainSize = Integer.MAX_VALUE;
        long seed = 1;
        String feed = "upload";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw usage("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--model" -> model = oneOf(args[i], value, "mlp", "cnn");
                case "--backend" -> backend = value;
                case "--data" -> data = Path.of(value);
                case "--epochs" -> epochs = positive(args[i], value);
                case "--batch-size" -> batchSize = positive(args[i], value);
                case "--lr" -> lr = Double.parseDouble(value);
                case "--train-size" -> trainSize = positive(args[i], value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--feed" -> feed = oneOf(args[i], value, "upload", "resident");
                default -> throw usage("unknown option " + args[i]);
            }
        }
        boolean cnn = model.equals("cnn");
        return new MlpArgs(model, backend, data, epochs, batchSize != null ? batchSize : cnn ? 64 : 128,
                lr != null ? lr : cnn ? 1e-3 : 0.1, trainSize, seed, feed);
    }

    /** Whether the model is the examples' small CNN (Adam) rather than the MLP (SGD). */
    public boolean cnn() {
        return model.equals("cnn");
    }

    /** Whether each framework's harness keeps the training set itself ({@code --feed resident}). */
    public boolean resident() {
        return feed.equals("resident");
    }

    private static String oneOf(String option, String value, String first, String second) {
        if (!value.equals(first) && !value.equals(second)) {
            throw usage(option + " must be " + first + " or " + second + ", got " + value);
        }
        return value;
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw usage(option + " must be >= 1, got " + value);
        }
        return n;
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; expected --model mlp|cnn, --backend NAME, --data DIR, "
                + "--epochs E, --batch-size N, --lr RATE, --train-size N, --seed N, --feed upload|resident");
    }
}
