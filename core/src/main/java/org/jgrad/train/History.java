package org.jgrad.train;

import java.io.IOException;
import java.nio.channels.Channels;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jgrad.io.AtomicFile;
import java.util.Objects;
import java.util.Set;

/**
 * Per-epoch values of the loss and metrics, keyed by name as Keras's {@code History}: training
 * values under the metric's name ({@code "loss"}, {@code "accuracy"}), validation values under
 * the same name with the {@value #VALIDATION_PREFIX} prefix ({@code "val_loss"}). Epochs are
 * numbered from 1. An epoch may lack a name that others have (its CSV cell is then empty).
 */
public final class History {
    /** Prefix of the validation value of a quantity: {@code "val_" + name}. */
    public static final String VALIDATION_PREFIX = "val_";

    private final Set<String> names = new LinkedHashSet<>();
    private final List<Map<String, Double>> epochs = new ArrayList<>();

    /** The column name of the validation value of {@code name}. */
    public static String validationName(String name) {
        return VALIDATION_PREFIX + name;
    }

    /** Appends one epoch's values (copied); names keep the order in which they first appeared. */
    public void addEpoch(Map<String, Double> values) {
        Objects.requireNonNull(values, "History.addEpoch: values");
        Map<String, Double> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name == null || name.isEmpty() || value == null) {
                throw new IllegalArgumentException("History.addEpoch: names must be non-empty and values not null, got "
                        + name + "=" + value);
            }
            copy.put(name, value);
        });
        names.addAll(copy.keySet());
        epochs.add(copy);
    }

    /** The number of epochs recorded. */
    public int epochs() {
        return epochs.size();
    }

    /** Every name seen, in order of first appearance. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The value of {@code name} at {@code epoch} (1-based); NaN if that epoch has no such value. */
    public double value(int epoch, String name) {
        return epochValues(epoch).getOrDefault(name, Double.NaN);
    }

    /** The values of {@code name}, one per epoch (NaN where an epoch has none). */
    public double[] values(String name) {
        double[] out = new double[epochs.size()];
        for (int e = 0; e < out.length; e++) {
            out[e] = value(e + 1, name);
        }
        return out;
    }

    /** The values of one epoch (1-based) by name, in the order they were given. */
    public Map<String, Double> epoch(int epoch) {
        return Collections.unmodifiableMap(epochValues(epoch));
    }

    private Map<String, Double> epochValues(int epoch) {
        if (epoch < 1 || epoch > epochs.size()) {
            throw new IndexOutOfBoundsException("History: epoch " + epoch + " is not in 1.." + epochs.size());
        }
        return epochs.get(epoch - 1);
    }

    /**
     * Writes {@code epoch,name1,name2,...} and one row per epoch (values as Java's shortest exact
     * decimal, {@code NaN} for NaN, empty where missing), replacing {@code file} atomically.
     */
    public void toCsv(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, channel -> {
            Writer writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
            writer.write(csvLine("epoch", names));
            for (int e = 0; e < epochs.size(); e++) {
                Map<String, Double> epoch = epochs.get(e);
                List<String> cells = new ArrayList<>();
                for (String name : names) {
                    Double value = epoch.get(name);
                    cells.add(value == null ? "" : value.toString());
                }
                writer.write(csvLine(Integer.toString(e + 1), cells));
            }
            writer.flush();
        });
    }

    private static String csvLine(String first, Iterable<String> rest) {
        StringBuilder line = new StringBuilder(csvCell(first));
        for (String cell : rest) {
            line.append(',').append(csvCell(cell));
        }
        return line.append('\n').toString();
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static String csvCell(String text) {
        boolean plain = text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
