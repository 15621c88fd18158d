package org.jgrad.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        String value = values.get(declared(name));
        return value == null ? fallback : Path.of(value);
    }

    public int integer(String name, int fallback) {
        return integer(name, fallback, Integer.MIN_VALUE);
    }

    /** An int that must be at least {@code min}. */
    public int integer(String name, int fallback, int min) {
        String value = values.get(declared(name));
        int n;
        try {
            n = value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw usage(name + " must be an integer, got " + value);
        }
        if (n < min) {
            throw usage(name + " must be >= " + min + ", got " + n);
        }
        return n;
    }

    public long longValue(String name, long fallback) {
        String value = values.get(declared(name));
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw usage(name + " must be an integer, got " + value);
        }
    }

    public double real(String name, double fallback) {
        String value = values.get(declared(name));
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw usage(name + " must be a number, got " + value);
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
