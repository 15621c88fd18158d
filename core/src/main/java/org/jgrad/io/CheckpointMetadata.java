package org.jgrad.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code __metadata__} strings of a checkpoint: key names, and numbers written as Java writes
 * them ({@link Double#toString} gives back the same double when parsed) and read back with a
 * {@link SafeTensorsFormatException} naming the key when they do not parse.
 */
final class CheckpointMetadata {
    /** Marks the file as PyTorch tensors; Hugging Face's loaders require it. */
    static final String FORMAT = "format";
    static final String EPOCH = "jgrad.epoch";
    static final String STEP = "jgrad.step";
    /** The optimizer's name; its state entries follow under this key and a dot. */
    static final String OPTIMIZER = "jgrad.optimizer";
    /** The schedule's class; its state entries follow under this key and a dot. */
    static final String SCHEDULE = "jgrad.schedule";
    static final String GENERATOR_SEED = "jgrad.generator.seed";
    static final String GENERATOR_OFFSET = "jgrad.generator.offset";
    /** In a training-state file: the SHA-256 of the weights file saved with it. */
    static final String WEIGHTS_SHA256 = "jgrad.weights.sha256";

    private final Map<String, String> metadata;
    private final Path file;

    CheckpointMetadata(Map<String, String> metadata, Path file) {
        this.metadata = metadata;
        this.file = file;
    }

    boolean has(String key) {
        return metadata.containsKey(key);
    }

    /** The string under {@code key}, or null. */
    String text(String key) {
        return metadata.get(key);
    }

    /** The whole number under {@code key}, which must be in [min, max]. */
    long integer(String key, long min, long max) throws SafeTensorsFormatException {
        String text = require(key);
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw SafeTensorsFormatException.inFile(file, "metadata " + JsonStrings.quote(key) + " is "
                + JsonStrings.quote(text) + "; expected a whole number from " + min + " to " + max);
    }

    /** The entries under {@code prefix + "."}, with the prefix removed, as numbers. */
    Map<String, Double> numbers(String prefix) throws SafeTensorsFormatException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (entry.getKey().startsWith(prefix + ".")) {
                try {
                    values.put(entry.getKey().substring(prefix.length() + 1), Double.parseDouble(entry.getValue()));
                } catch (NumberFormatException e) {
                    throw SafeTensorsFormatException.inFile(file, "metadata " + JsonStrings.quote(entry.getKey()) + " is "
                            + JsonStrings.quote(entry.getValue()) + "; expected a number");
                }
            }
        }
        return values;
    }

    /** Writes {@code values} under {@code prefix + "."} into {@code into}. */
    static void putNumbers(String prefix, Map<String, Double> values, Map<String, String> into) {
        values.forEach((key, value) -> into.put(prefix + "." + key, Double.toString(value)));
    }

    private String require(String key) throws SafeTensorsFormatException {
        String text = metadata.get(key);
        if (text == null) {
            throw SafeTensorsFormatException.inFile(file, "metadata has no " + JsonStrings.quote(key) + " entry");
        }
        return text;
    }
}
