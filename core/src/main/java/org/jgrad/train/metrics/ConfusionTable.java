package org.jgrad.train.metrics;

import java.util.List;

/** The text table of a confusion matrix: labels down the left (true) and across the top (predicted). */
final class ConfusionTable {
    static final String CORNER = "true \\ predicted";

    private ConfusionTable() {
    }

    /** Formats the table; count.at(t, p) is the cell of true class t and predicted class p. */
    static String format(List<String> labels, CountLookup count) {
        int k = labels.size();
        int rowHeader = CORNER.length();
        for (String label : labels) {
            rowHeader = Math.max(rowHeader, label.length());
        }
        int[] widths = new int[k];
        for (int p = 0; p < k; p++) {
            widths[p] = labels.get(p).length();
            for (int t = 0; t < k; t++) {
                widths[p] = Math.max(widths[p], Long.toString(count.at(t, p)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(pad(CORNER, rowHeader, false));
        for (int p = 0; p < k; p++) {
            out.append("  ").append(pad(labels.get(p), widths[p], true));
        }
        for (int t = 0; t < k; t++) {
            out.append('\n').append(pad(labels.get(t), rowHeader, false));
            for (int p = 0; p < k; p++) {
                out.append("  ").append(pad(Long.toString(count.at(t, p)), widths[p], true));
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String space = " ".repeat(width - text.length());
        return right ? space + text : text + space;
    }

    /** The cell of true class t and predicted class p. */
    @FunctionalInterface
    interface CountLookup {
        long at(int trueClass, int predictedClass);
    }
}
