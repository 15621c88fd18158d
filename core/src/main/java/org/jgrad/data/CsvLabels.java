package org.jgrad.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a CSV label column's fields into numbers: numbers as they are when every field is one;
 * otherwise class names mapped to class indices, by the given list of names or, when none is
 * given, by the distinct names in sorted order (as scikit-learn's {@code LabelEncoder}), so the
 * mapping does not depend on the order of the rows.
 *
 * @param values one number per row: the label, or the class index
 * @param classNames the class names by index; empty for numeric labels
 */
record CsvLabels(float[] values, List<String> classNames) {

    /**
     * @param fields the label field of every row
     * @param lines the line number of every row, for messages
     * @param given the class names by index, or null to infer them
     * @param source the file, for messages
     * @param column the label column, for messages: "column 5 (species)"
     */
    static CsvLabels of(List<String> fields, int[] lines, List<String> given, String source, String column)
            throws IOException {
        for (int r = 0; r < fields.size(); r++) {
            if (fields.get(r).isEmpty()) {
                throw new IOException(source + ": line " + lines[r] + ", " + column + ": empty field; expected a label");
            }
        }
        if (given == null && fields.stream().allMatch(CsvLabels::isNumber)) {
            float[] values = new float[fields.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = Float.parseFloat(fields.get(r));
            }
            return new CsvLabels(values, List.of());
        }
        List<String> names = given != null ? List.copyOf(given) : new ArrayList<>(new TreeSet<>(fields));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        float[] values = new float[fields.size()];
        for (int r = 0; r < values.length; r++) {
            Integer c = index.get(fields.get(r));
            if (c == null) {
                throw new IOException(source + ": line " + lines[r] + ", " + column + ": '" + fields.get(r)
                        + "' is not one of the given class names " + names);
            }
            values[r] = c;
        }
        return new CsvLabels(values, names);
    }

    private static boolean isNumber(String field) {
        try {
            Float.parseFloat(field);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
