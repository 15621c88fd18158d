package org.jgrad.conformance;

import static org.jgrad.conformance.SafeTensorsBytes.file;
import static org.jgrad.conformance.SafeTensorsBytes.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.jgrad.io.SafeTensorsFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading refuses every malformed file with a message naming the file, the byte offset or tensor,
 * and what was expected, and allocates nothing on the backend when it does (counted through a
 * {@link CountingBackend}).
 */
public class SafeTensorsValidationConformance extends TensorConformanceSupport {
    private static final String A = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    @TempDir
    Path dir;
    private CountingBackend counting;

    @BeforeEach
    void countAllocations() {
        counting = new CountingBackend(backend());
    }

    /** Reads {@code bytes} as a file and returns the refusal, after checking it names the file and leaked nothing. */
    private String refusal(byte[] bytes) throws Exception {
        Path path = SafeTensorsBytes.write(dir, "bad.safetensors", bytes);
        SafeTensorsFormatException e = assertThrows(SafeTensorsFormatException.class, () -> SafeTensors.read(path, counting));
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        assertEquals(0, counting.live(), "no tensor allocated for a refused file");
        return e.getMessage().substring(path.toString().length() + 2);
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "message should mention " + part + ": " + message);
        }
    }

    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                Arguments.of("{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1000],\"data_offsets\":[8,4008]}}", 12,
                        "tensor \"b\": F32 [1000] at data_offsets [8, 4008] runs past the data buffer, which has 12 bytes"),
                Arguments.of("{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                        "tensor \"b\": F32 [2] at data_offsets [4, 12] begins at offset 4, but the previous tensor \"a\""
                                + " ends at offset 8: an overlap"),
                Arguments.of("{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]}}", 20,
                        "tensor \"b\": F32 [2] at data_offsets [12, 20] begins at offset 12, but the previous tensor"
                                + " \"a\" ends at offset 8: a gap"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                        "tensor \"a\": F32 [2] at data_offsets [4, 12] begins at offset 4, but the data buffer starts at"
                                + " offset 0: a gap"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8,
                        "tensor \"a\": F32 [3] at data_offsets [0, 8] holds 8 bytes, but its shape and dtype need 12"),
                Arguments.of("{\"a\":{\"dtype\":\"I32\",\"shape\":[65536,65536],\"data_offsets\":[0,0]}}", 0,
                        "tensor \"a\": I32 [65536, 65536] at data_offsets [0, 0] has more than 2147483647 elements"),
                Arguments.of("{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}", 4,
                        "byte 22: tensor \"a\": dtype \"U8\" is not one jgrad reads; expected one of [F16, BF16, I32, F32,"
                                + " F64, I64]"),
                Arguments.of("{\"a\":{\"dtype\":\"float32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8,
                        "dtype \"float32\" is not one jgrad reads"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,-1],\"data_offsets\":[0,8]}}", 8,
                        "byte 36: tensor \"a\": shape dimension 1 is -1; expected 0 to 2147483647"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8,
                        "tensor \"a\": data_offsets is [8, 0]; expected [begin, end] with 0 <= begin <= end"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8,16]}}", 8,
                        "data_offsets is [0, 8, 16]; expected [begin, end]"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}", 8,
                        "byte 37: expected an integer, found a number with a fraction or exponent"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}}", 8,
                        "byte 36: expected an array of integers, found '\"'"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"offsets\":[0,8]}}", 8,
                        "byte 40: tensor \"a\": unexpected key \"offsets\"; an entry has exactly \"dtype\", \"shape\" and"
                                + " \"data_offsets\""),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8, "byte 9: tensor \"a\": the entry has no \"data_offsets\""),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8,
                        "byte 28: duplicate key \"dtype\""),
                Arguments.of("{" + A + "," + A + "}", 8, "byte 62: duplicate key \"a\"; each key may appear once"),
                Arguments.of("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}," + A + "}", 8, "byte 33: duplicate key \"k\""),
                Arguments.of("{\"__metadata__\":{\"epoch\":3}," + A + "}", 8, "byte 33: expected a string, found '3'"),
                Arguments.of("{" + A + ",}", 8, "byte 62: expected a string, found '}'"),
                Arguments.of("{" + A + "}}", 8, "byte 62: expected only whitespace after the header object, found '}'"),
                Arguments.of("[" + A + "]", 8, "byte 8: expected an object, found '['"),
                Arguments.of("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":true}", 8,
                        "byte 66: expected an object, found 't'"),
                Arguments.of("", 0, "byte 8: expected an object, found the end of the header"));
    }

    @ParameterizedTest
    @MethodSource("malformedHeaders")
    void malformedHeadersAreRefusedSayingWhatWasExpected(String header, int dataBytes, String expected) throws Exception {
        assertMentions(refusal(file(header, new byte[dataBytes])), expected);
    }

    @Test
    void invalidUtf8IsRefusedAtItsByte() throws Exception {
        byte[] bytes = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[8]);
        bytes[8 + 2] = (byte) 0xC3;
        assertMentions(refusal(bytes), "byte 10: the header is not valid UTF-8");
    }

    @Test
    void bytesAfterTheLastTensorAreRefused() throws Exception {
        assertMentions(refusal(file("{" + A + "}", new byte[12])),
                "byte 70: the tensors end at data offset 8, but the file goes on for 4 more bytes");
    }

    @Test
    void forgedHeaderLengthsAreRefusedBeforeReadingTheHeader() throws Exception {
        byte[] valid = file("{" + A + "}", floats(1, 2));
        for (long forged : new long[] {-1L, Long.MIN_VALUE, 100_000_001L, 1L << 40}) {
            byte[] bytes = valid.clone();
            java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, forged);
            assertMentions(refusal(bytes), "byte 0: the header length is " + Long.toUnsignedString(forged)
                    + " bytes; expected at most 100000000");
        }
        byte[] bytes = valid.clone();
        bytes[0] = (byte) (valid.length - 7);
        assertMentions(refusal(bytes), "byte 0: the header length is " + (valid.length - 7) + " bytes, but only "
                + (valid.length - 8) + " bytes follow it; is the file truncated?");
    }

    @Test
    void everyTruncationIsRefused() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Tensors.fromArray(randomFloats(6, 3), 2, 3));
        tensors.put("n", Tensors.fromArray(new int[] {4, 5}, 2));
        Path whole = dir.resolve("whole.safetensors");
        SafeTensors.write(whole, tensors, Map.of("format", "pt"));
        byte[] bytes = Files.readAllBytes(whole);
        long headerEnd = 8 + java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        for (int length = 0; length < bytes.length; length++) {
            String message = refusal(Arrays.copyOf(bytes, length));
            String expected = length < 8 ? "the file has " + length + " bytes; a safetensors file begins with an 8-byte"
                    + " header length"
                    : length < headerEnd ? "byte 0: the header length is " + (headerEnd - 8) + " bytes, but only "
                    + (length - 8) + " bytes follow it"
                    : "runs past the data buffer, which has " + (length - headerEnd) + " bytes";
            assertMentions(message, expected);
        }
    }

    @Test
    void randomlyCorruptedFilesAreReadOrRefusedNeverAnythingElse() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("weight", Tensors.fromArray(randomFloats(12, 4), 3, 4));
        tensors.put("labels", Tensors.fromArray(new int[] {1, 2, 3}, 3));
        Path whole = dir.resolve("whole.safetensors");
        SafeTensors.write(whole, tensors, Map.of("format", "pt", "epoch", "7"));
        byte[] bytes = Files.readAllBytes(whole);
        SplittableRandom random = new SplittableRandom(11);
        int refused = 0;
        for (int trial = 0; trial < 500; trial++) {
            byte[] corrupt = bytes.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                corrupt[random.nextInt(Math.min(corrupt.length, 8 + 160))] = (byte) random.nextInt(256);
            }
            Path path = SafeTensorsBytes.write(dir, "fuzz.safetensors", corrupt);
            try (SafeTensorsContent read = SafeTensors.read(path, counting)) {
                read.tensors().values().forEach(t -> assertSame(counting, t.backend(), "read onto the given backend"));
            } catch (SafeTensorsFormatException e) {
                refused++;
                assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
            }
            assertEquals(0, counting.live(), "every tensor freed, read or refused");
        }
        assertTrue(refused > 250, "most corruptions of the header are refused: " + refused);
    }
}
