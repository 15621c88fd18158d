package org.jgrad.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parsed command line of an example: {@code --name value} pairs (or {@code --name=value}),
 * the shared options and the example's own. Anything else (a positional word, an unknown or
 * repeated option, a missing or malformed value) is a {@link UsageException} naming it and what
 * was expected.
 */
final class ExampleArgs {
    private static final Set<String> SHARED = Set.of("backend", "epochs", "batch-size", "lr", "seed");

    private final ExampleSpec spec;
    private final Map<String, String> values;

    private ExampleArgs(ExampleSpec spec, Map<String, String> values) {
        this.spec = spec;
        this.values = values;
    }

    static ExampleArgs parse(ExampleSpec spec, String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'; options look like --epochs 5");
            }
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!SHARED.contains(key) && !spec.extra().containsKey(key)) {
                Set<String> known = new TreeSet<>(SHARED);
                known.addAll(spec.extra().keySet());
                throw new UsageException("unknown option '--" + key + "'; " + spec.name() + " takes --" + String.join(", --", known));
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option '--" + key + "' needs a value");
            }
            if (values.put(key, value) != null) {
                throw new UsageException("option '--" + key + "' is given twice");
            }
        }
        ExampleArgs parsed = new ExampleArgs(spec, values);
        parsed.epochs();
        parsed.batchSize();
        parsed.lr(1);
        parsed.seed();
        return parsed;
    }

    /** The backend named with --backend, or null for the default choice. */
    String backend() {
        return values.get("backend");
    }

    int epochs() {
        return positiveInt("epochs", spec.epochs());
    }

    int batchSize() {
        return positiveInt("batch-size", spec.batchSize());
    }

    /** --lr when given, else the spec's default, else {@code fallback} (the run's own rate). */
    double lr(double fallback) {
        String text = values.get("lr");
        if (text == null) {
            return spec.lr() == null ? fallback : spec.lr();
        }
        double lr = parse("lr", text, "a positive number such as 0.01", Double::parseDouble);
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new UsageException("--lr must be a positive number, got '" + text + "'");
        }
        return lr;
    }

    /** True when the learning rate was given on the command line. */
    boolean lrGiven() {
        return values.containsKey("lr");
    }

    long seed() {
        String text = values.get("seed");
        return text == null ? spec.seed() : parse("seed", text, "a whole number", Long::parseLong);
    }

    /** The example's own option {@code key}: its value, else its default. */
    String option(String key) {
        if (!spec.extra().containsKey(key)) {
            throw new IllegalArgumentException(spec.name() + " declares no option --" + key);
        }
        return values.getOrDefault(key, spec.extra().get(key).defaultValue());
    }

    /** The example's own option {@code key} as a whole number of at least 1. */
    int positiveIntOption(String key) {
        return positiveInt(key, Integer.parseInt(spec.extra().get(key).defaultValue()));
    }

    /** As {@link #positiveIntOption(String)} for an option without a default: {@code fallback} when not given. */
    int positiveIntOption(String key, int fallback) {
        return values.containsKey(key) ? positiveInt(key, fallback) : fallback;
    }

    /** The example's own option {@code key} as a probability in [0, 1), such as a dropout rate. */
    double probabilityOption(String key) {
        String text = option(key);
        double value = parse(key, text, "a number in [0, 1) such as 0.1", Double::parseDouble);
        if (!(value >= 0 && value < 1)) {
            throw new UsageException("--" + key + " must be a number in [0, 1), got '" + text + "'");
        }
        return value;
    }

    private int positiveInt(String key, int defaultValue) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        int value = parse(key, text, "a whole number >= 1", Integer::parseInt);
        if (value < 1) {
            throw new UsageException("--" + key + " must be a whole number >= 1, got '" + text + "'");
        }
        return value;
    }

    private static <T> T parse(String key, String text, String expected, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be " + expected + ", got '" + text + "'");
        }
    }
}
