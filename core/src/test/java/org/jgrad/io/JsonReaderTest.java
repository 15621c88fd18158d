package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict JSON subset reader: what it accepts, and every refusal with its byte offset. */
class JsonReaderTest {
    private static final Path FILE = Path.of("header.json");

    private static JsonReader reader(String json) {
        return new JsonReader(json.getBytes(StandardCharsets.UTF_8), 100, FILE);
    }

    /** Reads a flat object of strings. */
    private static Map<String, String> strings(String json) throws SafeTensorsFormatException {
        JsonReader reader = reader(json);
        Map<String, String> values = new LinkedHashMap<>();
        reader.readObject((key, at) -> values.put(key, reader.readString()));
        reader.expectEnd();
        return values;
    }

    private static void assertRefused(String json, long offset, String problem) {
        SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class, () -> strings(json), json);
        assertTrue(e.getMessage().startsWith(FILE + ": byte " + offset + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void stringsResolveEveryEscapeAndKeepRawUtf8() throws Exception {
        Map<String, String> values = strings(" {\"k\\u00e9y\" : \"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0001\\uD83D\\ude00\","
                + "\n\t\"r\u00e9\u4e2d\" : \"\"\r}  ");
        assertEquals(Map.of("k\u00e9y", "a\"b\\c/d\be\ff\ng\rh\ti\u0001\uD83D\uDE00", "r\u00e9\u4e2d", ""), values);
    }

    @Test
    void emptyObjectsAndArraysAreAccepted() throws Exception {
        assertEquals(Map.of(), strings("{}"));
        assertEquals(List.of(), reader(" [ ] ").readIntegers());
    }

    @Test
    void integersReadWithSignAndFullRange() throws Exception {
        assertEquals(List.of(0L, 7L, -12L, Long.MAX_VALUE), reader("[0, 7,-12 ,9223372036854775807]").readIntegers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[01]|101|leading zeros",
        "[1.5]|101|fraction or exponent",
        "[2e3]|101|fraction or exponent",
        "[9223372036854775808]|101|does not fit in 64 bits",
        "[true]|101|expected an integer, found 't'",
        "[-]|102|expected an integer, found ']'",
        "[1,]|103|expected an integer, found ']'",
        "[1 2]|103|expected ',' or ']' after an array element, found '2'",
        "[1|102|expected ',' or ']' after an array element, found the end of the header",
    })
    void badIntegerArraysAreRefused(String json, long offset, String problem) {
        SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class, () -> reader(json).readIntegers());
        assertTrue(e.getMessage().startsWith(FILE + ": byte " + offset + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void badObjectsAreRefusedAtTheRightByte() {
        assertRefused("[]", 100, "expected an object, found '['");
        assertRefused("", 100, "expected an object, found the end of the header");
        assertRefused("{\"a\":\"x\",}", 109, "expected a string, found '}'");
        assertRefused("{\"a\" \"x\"}", 105, "expected ':' after the key \"a\", found '\"'");
        assertRefused("{\"a\":\"x\" \"b\":\"y\"}", 109, "expected ',' or '}' after an object member");
        assertRefused("{\"a\":null}", 105, "expected a string, found 'n'");
        assertRefused("{\"a\":1}", 105, "expected a string, found '1'");
        assertRefused("{a:\"x\"}", 101, "expected a string, found 'a'");
        assertRefused("{} x", 103, "expected only whitespace after the header object, found 'x'");
        assertRefused("{\"a\":\"x\"}\u0000", 109, "found byte 0x00");
    }

    @Test
    void duplicateKeysAreRefusedAtTheSecondOne() {
        assertRefused("{\"a\":\"x\", \"a\":\"y\"}", 110, "duplicate key \"a\"");
        assertRefused("{\"\\u0061\":\"x\",\"a\":\"y\"}", 114, "duplicate key \"a\"");
    }

    @Test
    void badStringsAreRefused() {
        assertRefused("{\"a\":\"x", 107, "ends inside a string");
        assertRefused("{\"a\":\"x\ny\"}", 107, "control character 0x0a inside a string");
        assertRefused("{\"a\":\"\\x\"}", 106, "unknown escape");
        assertRefused("{\"a\":\"\\u12G4\"}", 106, "four hexadecimal digits");
        assertRefused("{\"a\":\"\\ude00\"}", 106, "lone low surrogate \\ude00");
        assertRefused("{\"a\":\"\\ud83dx\"}", 106, "must be followed by a \\u low surrogate");
        assertRefused("{\"a\":\"\\ud83d\\u0041\"}", 112, "\\u0041 after the high surrogate \\ud83d is not a low surrogate");
    }

    @Test
    void quotedStringsReadBackAsTheyWere() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("\u00e9\u4e2d\uD83D\uDE00\u2028");
        List<String> texts = new ArrayList<>(List.of(all.toString(), "", "\"", "\\"));
        for (String text : texts) {
            String json = "{" + JsonStrings.quote("key") + ":" + JsonStrings.quote(text) + "}";
            assertEquals(Map.of("key", text), strings(json), json);
        }
        assertEquals("\"a\\u001fb\\u0000\\b\\f\\n\\r\\t/\\\"\\\\\u00e9\"", JsonStrings.quote("a\u001fb\u0000\b\f\n\r\t/\"\\\u00e9"));
    }
}
