package org.jgrad.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A strict pull reader for the JSON a safetensors header uses: objects (no duplicate keys),
 * arrays of integers, strings with every JSON escape, and integers (no fraction, exponent or
 * leading zero). Anything else ({@code true}, {@code null}, floats, trailing commas) is an error
 * naming the file offset and what was expected. The input must already be valid UTF-8. No
 * recursion: the caller's schema decides what nests where.
 */
final class JsonReader {

    /** Reads the value of one object member whose key has just been read. */
    interface MemberReader {
        void read(String key, long keyOffset) throws SafeTensorsFormatException;
    }

    private final byte[] json;
    private final long base;
    private final Path file;
    private int pos;

    /** A reader over {@code json}, which starts at byte {@code base} of {@code file}. */
    JsonReader(byte[] json, long base, Path file) {
        this.json = json;
        this.base = base;
        this.file = file;
    }

    /** The file offset of the next value, after skipping whitespace. */
    long valueOffset() {
        skipWhitespace();
        return base + pos;
    }

    /** An error at {@code offset} of the file. */
    SafeTensorsFormatException error(long offset, String problem) {
        return SafeTensorsFormatException.atByte(file, offset, problem);
    }

    /** Reads an object, handing each member to {@code member}; a key seen twice is an error. */
    void readObject(MemberReader member) throws SafeTensorsFormatException {
        expect('{', "an object");
        skipWhitespace();
        if (consume('}')) {
            return;
        }
        Set<String> keys = new HashSet<>();
        do {
            long keyOffset = valueOffset();
            String key = readString();
            if (!keys.add(key)) {
                throw error(keyOffset, "duplicate key " + JsonStrings.quote(key) + "; each key may appear once in an object");
            }
            expect(':', "':' after the key " + JsonStrings.quote(key));
            member.read(key, keyOffset);
        } while (separator('}', "an object member"));
    }

    /** Reads an array of integers. */
    List<Long> readIntegers() throws SafeTensorsFormatException {
        expect('[', "an array of integers");
        List<Long> values = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            return values;
        }
        do {
            values.add(readInteger());
        } while (separator(']', "an array element"));
        return values;
    }

    /** Reads an integer: an optional minus sign and digits, without leading zeros. */
    long readInteger() throws SafeTensorsFormatException {
        long start = valueOffset();
        boolean negative = consume('-');
        if (!isDigit()) {
            throw error(base + pos, "expected an integer, found " + found());
        }
        if (json[pos] == '0' && pos + 1 < json.length && isDigit(json[pos + 1])) {
            throw error(start, "an integer may not have leading zeros");
        }
        long value = 0;
        while (isDigit()) {
            int digit = json[pos++] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw error(start, "integer does not fit in 64 bits");
            }
            value = value * 10 + digit;
        }
        if (pos < json.length && (json[pos] == '.' || json[pos] == 'e' || json[pos] == 'E')) {
            throw error(start, "expected an integer, found a number with a fraction or exponent");
        }
        return negative ? -value : value;
    }

    /** Reads a string, resolving escapes. */
    String readString() throws SafeTensorsFormatException {
        expect('"', "a string");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            if (pos >= json.length) {
                throw error(base + pos, "the header ends inside a string; expected a closing '\"'");
            }
            int b = json[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return text.toString(StandardCharsets.UTF_8);
            }
            if (b < 0x20) {
                throw error(base + pos, String.format("control character 0x%02x inside a string; it must be escaped", b));
            }
            if (b == '\\') {
                JsonEscapes.read(this, text);
            } else {
                text.write(b);
                pos++;
            }
        }
    }

    /** Fails unless only whitespace is left. */
    void expectEnd() throws SafeTensorsFormatException {
        skipWhitespace();
        if (pos < json.length) {
            throw error(base + pos, "expected only whitespace after the header object, found " + found());
        }
    }

    /** The next raw byte (for escapes), or -1 at the end; advances past it. */
    int nextByte() {
        return pos < json.length ? json[pos++] & 0xFF : -1;
    }

    /** The file offset of the next raw byte. */
    long offset() {
        return base + pos;
    }

    private boolean separator(char close, String after) throws SafeTensorsFormatException {
        skipWhitespace();
        if (consume(',')) {
            return true;
        }
        if (consume(close)) {
            return false;
        }
        throw error(base + pos, "expected ',' or '" + close + "' after " + after + ", found " + found());
    }

    private void expect(char c, String what) throws SafeTensorsFormatException {
        skipWhitespace();
        if (!consume(c)) {
            throw error(base + pos, "expected " + what + ", found " + found());
        }
    }

    private boolean consume(char c) {
        if (pos < json.length && json[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < json.length && (json[pos] == ' ' || json[pos] == '\t' || json[pos] == '\n' || json[pos] == '\r')) {
            pos++;
        }
    }

    private boolean isDigit() {
        return pos < json.length && isDigit(json[pos]);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The next byte described for a message. */
    private String found() {
        if (pos >= json.length) {
            return "the end of the header";
        }
        int b = json[pos] & 0xFF;
        return b > 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }
}
