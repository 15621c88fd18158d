package org.jgrad.examples;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one line an example ends with: {@code key=value} pairs separated by spaces, in the order they
 * were put, e.g. {@code example=digits backend=cpu epochs=20 test_acc=0.9721 seconds=4.2}. Keys and
 * values may not contain spaces or '=', so the line splits back unambiguously.
 */
final class Summary {
    private final Map<String, String> pairs = new LinkedHashMap<>();

    Summary put(String key, String value) {
        if (key.isEmpty() || key.matches(".*[\\s=].*") || value.isEmpty() || value.matches(".*[\\s=].*")) {
            throw new IllegalArgumentException("summary pairs need a key and value without spaces or '=', got '"
                    + key + "'='" + value + "'");
        }
        pairs.put(key, value);
        return this;
    }

    Summary put(String key, long value) {
        return put(key, Long.toString(value));
    }

    /** Puts {@code value} with {@code decimals} digits after the point. */
    Summary put(String key, double value, int decimals) {
        return put(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    /** Splits a summary line back into its pairs (for tests and scripts). */
    static Map<String, String> parse(String line) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : line.trim().split(" +")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("not a key=value pair: '" + pair + "' in '" + line + "'");
            }
            parsed.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parsed;
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        pairs.forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return line.toString();
    }
}
