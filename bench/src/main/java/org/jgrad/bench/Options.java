package org.jgrad.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A benchmark's command line: {@code --name value} pairs, each name one the benchmark declares.
 * An unknown option, a missing value or a value of the wrong kind fails with a message that names
 * the option and lists those expected.
 */
public final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final List<String> names;

    private Options(List<String> names) {
        this.names = names;
    }

    /** Parses {@code argv} against the option names (with their dashes) the benchmark accepts. */
    public static Options parse(String[] argv, String... names) {
        Options options = new Options(List.of(names));
        for (int i = 0; i < argv.length; i += 2) {
            if (!options.names.contains(argv[i])) {
                throw options.usage("unknown option " + argv[i]);
            }
            if (i + 1 >= argv.length) {
                throw options.usage("option " + argv[i] + " needs a value");
            }
            options.values.put(argv[i], argv[i + 1]);
        }
        return options;
    }

    /** The value of {@code name}, or {@code fallback} when it was not given. */
    public String string(String name, String fallback) {
        return values.getOrDefault(declared(name), fallback);
    }

    public Path path(String name, Path fallback) {
        return parsed(name, fallback, Path::of, "a path");
    }

    public int integer(String name, int fallback) {
        return integer(name, fallback, Integer.MIN_VALUE);
    }

    /** An int that must be at least {@code min}. */
    public int integer(String name, int fallback, int min) {
        int n = parsed(name, fallback, Integer::parseInt, "an integer");
        if (n < min) {
            throw usage(name + " must be >= " + min + ", got " + n);
        }
        return n;
    }

    public long longValue(String name, long fallback) {
        return parsed(name, fallback, Long::parseLong, "an integer");
    }

    public double real(String name, double fallback) {
        return parsed(name, fallback, Double::parseDouble, "a number");
    }

    /** The value of {@code name} read by {@code parser}, or {@code fallback}; {@code kind} names what was expected. */
    private <T> T parsed(String name, T fallback, Function<String, T> parser, String kind) {
        String value = values.get(declared(name));
        try {
            return value == null ? fallback : parser.apply(value);
        } catch (IllegalArgumentException e) { // what NumberFormatException and InvalidPathException extend
            throw usage(name + " must be " + kind + ", got " + value);
        }
    }

    private String declared(String name) {
        if (!names.contains(name)) {
            throw new IllegalStateException("option " + name + " is not among the declared " + names);
        }
        return name;
    }

    /** An error for {@code problem} that lists the options expected. */
    public IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; expected options " + String.join(", ", names));
    }
}
