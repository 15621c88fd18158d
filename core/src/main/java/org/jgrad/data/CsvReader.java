package org.jgrad.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads CSV files (UTF-8, raw or gzip-compressed) into a {@link CsvTable}: every feature field a
 * number, one column optionally the label. Configure once with the fluent setters, then read:
 *
 * <pre>{@code
 * CsvTable train = new CsvReader().header(true).labelColumn("species").read(Path.of("iris-train.csv"));
 * TensorDataset data = train.toClassDataset();          // "setosa", "versicolor", ... as 0, 1, ...
 * train.saveClassNames(Path.of("classes.txt"));         // the mapping, one name per line
 * CsvTable test = new CsvReader().header(true).labelColumn("species").classNames(train.classNames())
 *         .read(Path.of("iris-test.csv"));               // the same indices, even if a class is missing
 * }</pre>
 *
 * <p>Labels: when every label field is a number, the labels are those numbers; otherwise they are
 * class names, mapped to indices in sorted order ({@link CsvTable#classNames()}), or by the list
 * given to {@link #classNames(List)}, which then refuses a name it lacks.
 *
 * <p>Blank lines are skipped. Numbers use Java's syntax ({@link Float#parseFloat}), so "1e-3",
 * "NaN" and "Infinity" are read. Errors are {@link IOException}s naming the file, the line
 * (counted from 1) and the column (counted from 1, with its header name when there is one).
 */
public final class CsvReader {
    private static final int NO_LABEL = Integer.MIN_VALUE;

    private boolean header;
    private char delimiter = ',';
    private String labelName;
    private int labelIndex = NO_LABEL;
    private List<String> classNames;

    /** Whether the first non-blank line names the columns (default: no). Returns this reader. */
    public CsvReader header(boolean hasHeader) {
        this.header = hasHeader;
        return this;
    }

    /** The field separator (default ','; ';' and '\t' are common). Returns this reader. */
    public CsvReader delimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == ' ') {
            throw new IllegalArgumentException("CsvReader: " + (int) delimiter + " cannot be the delimiter");
        }
        this.delimiter = delimiter;
        return this;
    }

    /** The label is the column with this header name (needs {@code header(true)}). Returns this reader. */
    public CsvReader labelColumn(String name) {
        this.labelName = name;
        this.labelIndex = NO_LABEL;
        return this;
    }

    /** The label is column {@code index}, counted from 0; negative counts from the end (-1: the last). */
    public CsvReader labelColumn(int index) {
        this.labelIndex = index;
        this.labelName = null;
        return this;
    }

    /**
     * The label column holds these class names, class i being {@code names.get(i)} (from another
     * table's {@link CsvTable#classNames()} or {@link CsvTable#readClassNames}); a label not in the
     * list is an error. Returns this reader.
     */
    public CsvReader classNames(List<String> names) {
        if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("CsvReader: class names must be distinct and at least one, got " + names);
        }
        this.classNames = List.copyOf(names);
        return this;
    }

    /** Reads {@code file}. */
    public CsvTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a CSV stream; {@code source} names it in error messages. The stream is not closed. */
    public CsvTable read(InputStream stream, String source) throws IOException {
        InputStream text = Decompressing.open(stream).stream();
        BufferedReader lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        List<String> names = null;
        int label = NO_LABEL;
        FloatList features = new FloatList();
        List<String> labels = new ArrayList<>();
        IntStream.Builder rowLines = IntStream.builder();
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            String where = source + ": line " + lineNumber;
            line = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = CsvFields.split(line, delimiter, where);
            if (names == null) {
                names = header ? fields : numbered(fields.size());
                label = labelPosition(names, where);
                if (header) {
                    continue;
                }
            }
            if (fields.size() != names.size()) {
                throw new IOException(where + ": " + fields.size() + " fields, expected " + names.size()
                        + " as in the first " + (header ? "(header) " : "") + "line");
            }
            for (int c = 0; c < fields.size(); c++) {
                if (c == label) {
                    labels.add(fields.get(c));
                } else {
                    features.add(parse(fields.get(c), where, c, header ? names.get(c) : null));
                }
            }
            rowLines.add(lineNumber);
        }
        int[] rows = rowLines.build().toArray();
        if (rows.length == 0) {
            throw new IOException(source + ": no data rows"
                    + (names == null ? ": the file is empty or blank" : " after the header"));
        }
        if (label == NO_LABEL) {
            return new CsvTable(source, names, -1, features.toArray(), null, rows);
        }
        String column = "column " + (label + 1) + (header ? " (" + names.get(label) + ")" : "");
        return new CsvTable(source, names, label, features.toArray(),
                CsvLabels.of(labels, rows, classNames, source, column), rows);
    }

    private static List<String> numbered(int columns) {
        List<String> names = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            names.add("column " + c);
        }
        return names;
    }

    /** The 0-based label column in a table with these column names, or NO_LABEL. */
    private int labelPosition(List<String> names, String where) throws IOException {
        if (labelName != null) {
            if (!header) {
                throw new IOException(where + ": the label column is given by name ('" + labelName
                        + "'), which needs header(true)");
            }
            int found = names.indexOf(labelName);
            if (found < 0) {
                throw new IOException(where + ": no column is named '" + labelName + "'; the header has " + names);
            }
            return found;
        }
        if (labelIndex == NO_LABEL) {
            return NO_LABEL;
        }
        int position = labelIndex < 0 ? names.size() + labelIndex : labelIndex;
        if (position < 0 || position >= names.size()) {
            throw new IOException(where + ": label column index " + labelIndex + " is outside the " + names.size()
                    + " columns");
        }
        return position;
    }

    /** The number in field, which is column c (0-based) of the line at where, named name (or null). */
    private static float parse(String field, String where, int c, String name) throws IOException {
        String problem = "empty field";
        if (!field.isEmpty()) {
            try {
                return Float.parseFloat(field);
            } catch (NumberFormatException e) {
                problem = "'" + field + "' is not a number";
            }
        }
        throw new IOException(where + ", column " + (c + 1) + (name == null ? "" : " (" + name + ")") + ": " + problem
                + "; expected a number");
    }
}
