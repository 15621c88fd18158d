package org.jgrad.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields. Unquoted fields are trimmed of surrounding spaces; a field in
 * double quotes may hold the delimiter, and "" inside it stands for one quote. A quoted field
 * cannot span lines.
 */
final class CsvFields {
    private CsvFields() {
    }

    /** The fields of {@code line}; {@code where} prefixes error messages (file and line). */
    static List<String> split(String line, char delimiter, String where) throws IOException {
        List<String> fields = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (true) {
            int start = i;
            i = skipSpaces(line, i);
            if (i < n && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i = readQuoted(line, i + 1, value, where + ", column " + (fields.size() + 1));
                i = skipSpaces(line, i);
                if (i < n && line.charAt(i) != delimiter) {
                    throw new IOException(where + ", column " + (fields.size() + 1) + ": unexpected '"
                            + line.charAt(i) + "' after a closing quote; expected the delimiter '" + delimiter + "'");
                }
                fields.add(value.toString());
            } else {
                int end = line.indexOf(delimiter, i);
                i = end < 0 ? n : end;
                fields.add(line.substring(start, i).strip());
            }
            if (i >= n) {
                return fields;
            }
            i++;
        }
    }

    /** Reads a quoted field's text after its opening quote into value; returns the index after the closing quote. */
    private static int readQuoted(String line, int i, StringBuilder value, String where) throws IOException {
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c != '"') {
                value.append(c);
            } else if (i < line.length() && line.charAt(i) == '"') {
                value.append('"');
                i++;
            } else {
                return i;
            }
        }
        throw new IOException(where + ": the quoted field has no closing quote on this line");
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
