package org.jgrad.optim.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Reading, checking and nesting the {@code Map<String, Double>} snapshots of schedules. */
final class States {
    /** The key of the step count, present in every schedule's state. */
    static final String STEP = "step";

    private States() {
    }

    /** The entry {@code key}; fails naming the keys present when it is missing. */
    static double value(Map<String, Double> state, String key, String owner) {
        Double v = state.get(key);
        if (v == null) {
            throw new IllegalArgumentException(owner + ": state has no '" + key + "' entry; it has "
                    + new TreeSet<>(state.keySet()));
        }
        return v;
    }

    /** The entry {@code key}, which must be a whole number in [0, max]. */
    static int count(Map<String, Double> state, String key, String owner, int max) {
        double v = value(state, key, owner);
        if (!(v >= 0 && v <= max && v == Math.rint(v))) {
            throw Checks.fail(owner, "state entry '" + key + "'", v, "a whole number in [0, " + max + "]");
        }
        return (int) v;
    }

    /** Copies {@code inner} into {@code into} with every key prefixed by {@code prefix + "."}. */
    static void nest(String prefix, Map<String, Double> inner, Map<String, Double> into) {
        inner.forEach((k, v) -> into.put(prefix + "." + k, v));
    }

    /** The entries of {@code state} whose key starts with {@code prefix + "."}, with that prefix removed. */
    static Map<String, Double> unnest(String prefix, Map<String, Double> state) {
        String p = prefix + ".";
        Map<String, Double> inner = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith(p)) {
                inner.put(k.substring(p.length()), v);
            }
        });
        return inner;
    }
}
