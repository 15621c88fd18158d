package org.jgrad.bench.mlp;

import java.nio.file.Path;
import org.jgrad.data.Mnist;

/**
 * The MLP benchmark's options, the same for jgrad and its peers: {@code --backend NAME} (jgrad
 * only; default cpu), {@code --data DIR} (MNIST IDX files; default the jgrad data home's mnist
 * folder), {@code --epochs E} (default 3), {@code --batch-size N} (default 128), {@code --lr RATE}
 * (SGD learning rate, default 0.1) and {@code --seed N} (initial weights and shuffling, default 1).
 */
public record MlpArgs(String backend, Path data, int epochs, int batchSize, double lr, long seed) {

    /** Parses {@code args}; an unknown option or a missing value fails naming the options. */
    public static MlpArgs parse(String[] args) {
        String backend = "cpu";
        Path data = Mnist.defaultDirectory();
        int epochs = 3;
        int batchSize = 128;
        double lr = 0.1;
        long seed = 1;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw usage("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--backend" -> backend = value;
                case "--data" -> data = Path.of(value);
                case "--epochs" -> epochs = positive(args[i], value);
                case "--batch-size" -> batchSize = positive(args[i], value);
                case "--lr" -> lr = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw usage("unknown option " + args[i]);
            }
        }
        return new MlpArgs(backend, data, epochs, batchSize, lr, seed);
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw usage(option + " must be >= 1, got " + value);
        }
        return n;
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; expected --backend NAME, --data DIR, --epochs E, "
                + "--batch-size N, --lr RATE, --seed N");
    }
}
