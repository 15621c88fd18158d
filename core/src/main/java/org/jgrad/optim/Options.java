package org.jgrad.optim;

/** Checks and fluent setters shared by the optimizers' option methods. */
final class Options {
    private Options() {
    }

    /** Default options in a fixed order, from name/value pairs. */
    static java.util.Map<String, Double> defaults(Object... namesAndValues) {
        java.util.Map<String, Double> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return map;
    }

    static <O extends Optimizer> O setAll(O optimizer, String name, double value) {
        optimizer.paramGroups().forEach(g -> g.set(name, value));
        return optimizer;
    }

    static double positive(String optimizer, String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(optimizer + ": " + name + " must be > 0, got " + value);
        }
        return value;
    }

    static double nonNegative(String optimizer, String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(optimizer + ": " + name + " must be >= 0, got " + value);
        }
        return value;
    }

    static double unitInterval(String optimizer, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(optimizer + ": " + name + " must be in [0, 1), got " + value);
        }
        return value;
    }
}
