package org.jgrad.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgrad.io.AtomicFile;

/**
 * Numbers read by a {@link CsvReader}: the feature columns of every row (row-major FLOAT32), and
 * the label column when one was chosen. {@link #toClassDataset()} and
 * {@link #toRegressionDataset()} turn it into a {@link TensorDataset}.
 */
public final class CsvTable {
    private final String source;
    private final List<String> featureNames;
    private final String labelName;
    private final int labelColumn;
    private final float[] features;
    private final float[] labels;
    private final List<String> classNames;
    private final int[] lines;

    /** labelColumn is 0-based, or -1 with labels null for a table without labels. */
    CsvTable(String source, List<String> columnNames, int labelColumn, float[] features, CsvLabels labels, int[] lines) {
        this.source = source;
        this.featureNames = new ArrayList<>(columnNames);
        this.labelName = labelColumn < 0 ? null : featureNames.remove(labelColumn);
        this.labelColumn = labelColumn;
        this.features = features;
        this.labels = labels == null ? null : labels.values();
        this.classNames = labels == null ? List.of() : labels.classNames();
        this.lines = lines;
    }

    /** Number of data rows. */
    public int rows() {
        return lines.length;
    }

    /** Number of feature columns (every column but the label). */
    public int featureCount() {
        return featureNames.size();
    }

    /** The feature columns' names: the header's, or "column N" (N counted from 1 in the file). */
    public List<String> featureNames() {
        return List.copyOf(featureNames);
    }

    /** The label column's name, if the table has one. */
    public Optional<String> labelName() {
        return Optional.ofNullable(labelName);
    }

    /** The features, rows() x featureCount(), row-major (a copy). */
    public float[] features() {
        return features.clone();
    }

    /**
     * The class names of a text label column, class i being {@code classNames().get(i)}; empty
     * when the labels are numbers or there is no label column.
     */
    public List<String> classNames() {
        return classNames;
    }

    /** Writes {@link #classNames()}, one per line (UTF-8), replacing {@code file} atomically. */
    public void saveClassNames(Path file) throws IOException {
        if (classNames.isEmpty()) {
            throw new IllegalStateException("saveClassNames: " + source + " has no text labels, so no class names");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, channel -> {
            Writer writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
            writer.write(String.join("\n", classNames) + "\n");
            writer.flush();
        });
    }

    /** Class names as {@link #saveClassNames} wrote them, for {@link CsvReader#classNames(List)}. */
    public static List<String> readClassNames(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The label of every row (a copy; class indices for text labels); fails when no label column was chosen. */
    public float[] labels() {
        return requireLabels("labels").clone();
    }

    /** Classification data: inputs [featureCount()], INT32 labels; every label must be a whole number >= 0. */
    public TensorDataset toClassDataset() {
        float[] values = requireLabels("toClassDataset");
        int[] classes = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            float v = values[r];
            if (!(v >= 0 && v == Math.rint(v) && v < Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(source + ": line " + lines[r] + ", column " + (labelColumn + 1) + " ("
                        + labelName + "): " + v + " is not a class label; expected a whole number >= 0");
            }
            classes[r] = (int) v;
        }
        return TensorDataset.ofLabels(features, new int[] {featureCount()}, classes);
    }

    /** Regression data: inputs [featureCount()], FLOAT32 targets [1]; the labels must be numbers. */
    public TensorDataset toRegressionDataset() {
        float[] targets = requireLabels("toRegressionDataset");
        if (!classNames.isEmpty()) {
            throw new IllegalStateException("toRegressionDataset: " + source + "'s label column " + labelName
                    + " holds class names " + classNames + ", not numbers");
        }
        return TensorDataset.ofTargets(features, new int[] {featureCount()}, targets, new int[] {1});
    }

    private float[] requireLabels(String who) {
        if (labels == null) {
            throw new IllegalStateException(who + ": " + source + " was read without a label column;"
                    + " choose one with CsvReader.labelColumn");
        }
        return labels;
    }
}
