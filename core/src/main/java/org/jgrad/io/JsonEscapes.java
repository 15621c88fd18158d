package org.jgrad.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The escapes of JSON strings: {@code \" \\ \/ \b \f \n \r \t} and <code>&#92;uXXXX</code>, where
 * a surrogate pair must be written as two escapes and a lone surrogate is refused (as serde_json,
 * the reference reader, does).
 */
final class JsonEscapes {
    private JsonEscapes() {
    }

    /** Reads the escape at the reader's position (at the backslash) and appends its UTF-8 bytes. */
    static void read(JsonReader reader, ByteArrayOutputStream text) throws SafeTensorsFormatException {
        long start = reader.offset();
        reader.nextByte();
        int c = reader.nextByte();
        switch (c) {
            case '"', '\\', '/' -> text.write(c);
            case 'b' -> text.write('\b');
            case 'f' -> text.write('\f');
            case 'n' -> text.write('\n');
            case 'r' -> text.write('\r');
            case 't' -> text.write('\t');
            case 'u' -> appendCodePoint(text, codePoint(reader, start));
            default -> throw reader.error(start, "unknown escape in a string; expected one of"
                    + " \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private static int codePoint(JsonReader reader, long start) throws SafeTensorsFormatException {
        int unit = hex4(reader, start);
        if (Character.isLowSurrogate((char) unit)) {
            throw reader.error(start, String.format("lone low surrogate \\u%04x in a string", unit));
        }
        if (!Character.isHighSurrogate((char) unit)) {
            return unit;
        }
        long low = reader.offset();
        if (reader.nextByte() != '\\' || reader.nextByte() != 'u') {
            throw reader.error(start, String.format("high surrogate \\u%04x must be followed by a \\u low surrogate", unit));
        }
        int second = hex4(reader, low);
        if (!Character.isLowSurrogate((char) second)) {
            throw reader.error(low, String.format("\\u%04x after the high surrogate \\u%04x is not a low surrogate",
                    second, unit));
        }
        return Character.toCodePoint((char) unit, (char) second);
    }

    private static int hex4(JsonReader reader, long start) throws SafeTensorsFormatException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(reader.nextByte(), 16);
            if (digit < 0) {
                throw reader.error(start, "\\u must be followed by four hexadecimal digits");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static void appendCodePoint(ByteArrayOutputStream text, int codePoint) {
        text.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
    }
}
