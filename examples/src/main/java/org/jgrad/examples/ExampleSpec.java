package org.jgrad.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an example accepts: its name, a one-line description, the defaults of the shared options
 * ({@code --epochs}, {@code --batch-size}, {@code --lr}, {@code --seed}) and its own options with
 * their defaults and help. A null {@code lr} means the example picks rates itself unless given one.
 */
record ExampleSpec(String name, String description, int epochs, int batchSize, Double lr, long seed,
        Map<String, Option> extra) {

    /** An example's own option: its default (null: none) and one line of help. */
    record Option(String defaultValue, String help) {
    }

    ExampleSpec {
        extra = Map.copyOf(extra);
    }

    static ExampleSpec of(String name, String description, int epochs, int batchSize, Double lr) {
        return new ExampleSpec(name, description, epochs, batchSize, lr, 42, Map.of());
    }

    /** This spec with one more option {@code --key}. */
    ExampleSpec withOption(String key, String defaultValue, String help) {
        Map<String, Option> options = new LinkedHashMap<>(extra);
        options.put(key, new Option(defaultValue, help));
        return new ExampleSpec(name, description, epochs, batchSize, lr, seed, options);
    }

    /** The usage text printed with {@code --help} and after a bad option. */
    String usage() {
        StringBuilder text = new StringBuilder("usage: ./jgrad " + name + " [options]\n  " + description + "\n")
                .append("  --backend NAME     cpu, cuda or opencl (default: -Djgrad.backend, JGRAD_BACKEND, else the best that starts)\n")
                .append("  --epochs N         passes over the training data (default ").append(epochs).append(")\n")
                .append("  --batch-size N     examples per update (default ").append(batchSize).append(")\n")
                .append("  --lr RATE          learning rate (default ").append(lr == null ? "per run" : lr).append(")\n")
                .append("  --seed N           seed of weights, splits and shuffling (default ").append(seed).append(")\n");
        extra.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text.append(
                String.format("  --%-16s %s%s%n", e.getKey() + " V", e.getValue().help(),
                        e.getValue().defaultValue() == null ? "" : " (default " + e.getValue().defaultValue() + ")")));
        return text.toString();
    }
}
