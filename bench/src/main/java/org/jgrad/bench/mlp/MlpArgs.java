package org.jgrad.bench.mlp;

import java.nio.file.Path;
import org.jgrad.bench.Options;
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

    /** Parses {@code args}; an unknown option or a bad value fails naming the options. */
    public static MlpArgs parse(String[] args) {
        Options options = Options.parse(args, "--model", "--backend", "--data", "--epochs", "--batch-size", "--lr",
                "--train-size", "--seed", "--feed");
        String model = oneOf(options, "--model", "mlp", "cnn");
        boolean cnn = model.equals("cnn");
        return new MlpArgs(model, options.string("--backend", "cpu"), options.path("--data", Mnist.defaultDirectory()),
                options.integer("--epochs", 3, 1), options.integer("--batch-size", cnn ? 64 : 128, 1),
                options.real("--lr", cnn ? 1e-3 : 0.1), options.integer("--train-size", Integer.MAX_VALUE, 1),
                options.longValue("--seed", 1), oneOf(options, "--feed", "upload", "resident"));
    }

    /** Whether the model is the examples' small CNN (Adam) rather than the MLP (SGD). */
    public boolean cnn() {
        return model.equals("cnn");
    }

    /** Whether each framework's harness keeps the training set itself ({@code --feed resident}). */
    public boolean resident() {
        return feed.equals("resident");
    }

    /** The option's value, which must be {@code first} (the default) or {@code second}. */
    private static String oneOf(Options options, String name, String first, String second) {
        String value = options.string(name, first);
        if (!value.equals(first) && !value.equals(second)) {
            throw options.usage(name + " must be " + first + " or " + second + ", got " + value);
        }
        return value;
    }
}
