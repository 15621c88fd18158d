package org.jgrad.conformance;

import static org.jgrad.conformance.SafeTensorsBytes.file;
import static org.jgrad.conformance.SafeTensorsBytes.floats;
import static org.jgrad.conformance.SafeTensorsBytes.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * safetensors round trips (F32 and I32, scalars, empty tensors, many tensors, odd names and
 * metadata) and compatibility with the format: written bytes checked against bytes built by hand,
 * and a file built by hand read back.
 */
public class SafeTensorsConformance extends TensorConformanceSupport {
    @TempDir
    Path dir;

    private static int[] randomInts(int n, long seed) {
        return new SplittableRandom(seed).ints(n, Integer.MIN_VALUE, Integer.MAX_VALUE).toArray();
    }

    private static void assertSameTensors(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, want) -> {
            Tensor got = actual.get(name);
            assertEquals(want.dtype(), got.dtype(), name);
            assertArrayEquals(want.shape(), got.shape(), name);
            if (want.dtype() == DType.FLOAT32) {
                assertArrayEquals(want.toFloatArray(), got.toFloatArray(), name);
            } else {
                assertArrayEquals(want.toIntArray(), got.toIntArray(), name);
            }
        });
    }

    private void roundTrip(Map<String, Tensor> tensors, Map<String, String> metadata) throws Exception {
        Path path = dir.resolve("t.safetensors");
        SafeTensors.write(path, tensors, metadata);
        try (SafeTensorsContent read = SafeTensors.read(path)) {
            assertSameTensors(tensors, read.tensors());
            assertEquals(metadata, read.metadata());
            read.tensors().values().forEach(t -> assertSame(backend(), t.backend()));
        }
    }

    @Test
    void floatAndIntTensorsOfOddSizesRoundTripExactly() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, Float.MIN_VALUE, Float.MAX_VALUE};
        tensors.put("special", Tensors.fromArray(special, 2, 3));
        for (int n : new int[] {1, 7, 129, 1000}) {
            tensors.put("f" + n, Tensors.fromArray(randomFloats(n, n, -1e6, 1e6), n));
            tensors.put("i" + n, Tensors.fromArray(randomInts(n, n), n));
        }
        tensors.put("cube", Tensors.fromArray(randomFloats(3 * 7 * 5, 9), 3, 7, 5));
        tensors.put("intMatrix", Tensors.fromArray(randomInts(7 * 3, 10), 7, 3));
        roundTrip(tensors, Map.of("format", "pt", "note", "a \"quoted\"\n\u00e9 \uD83D\uDE00 value", "", "empty key"));
    }

    @Test
    void scalarsAndEmptyTensorsRoundTrip() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("scalar", Tensors.scalar(-3.25f));
        tensors.put("intScalar", Tensors.fromArray(new int[] {42}));
        tensors.put("empty", Tensors.zeros(0));
        tensors.put("emptyMatrix", Tensors.zeros(backend(), DType.INT32, 3, 0));
        tensors.put("after", Tensors.fromArray(new float[] {1, 2}, 2));
        roundTrip(tensors, Map.of());
        try (SafeTensorsContent read = SafeTensors.read(dir.resolve("t.safetensors"))) {
            assertArrayEquals(new int[0], read.tensors().get("scalar").shape());
            assertEquals(-3.25f, read.tensors().get("scalar").item());
        }
    }

    @Test
    void manyTensorsWithAwkwardNamesRoundTrip() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            tensors.put("layers." + i + ".weight", Tensors.fromArray(randomFloats(i % 9 + 1, i), i % 9 + 1));
        }
        tensors.put("", Tensors.scalar(1));
        tensors.put("quote\"back\\slash\ttab\u0001", Tensors.scalar(2));
        tensors.put("\u00e9\u4e2d\uD83D\uDE00", Tensors.fromArray(new int[] {3}, 1));
        roundTrip(tensors, Map.of());
    }

    @Test
    void writtenBytesMatchTheFormatByteForByte() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("b", Tensors.fromArray(new int[] {1, -1, 65536}, 3));
        tensors.put("a", Tensors.fromArray(new float[] {1.0f, -2.5f}, 2, 1));
        Path path = dir.resolve("exact.safetensors");
        SafeTensors.write(path, tensors, Map.of("format", "pt"));
        // F32 entries come before I32 ones, whatever the names; then the header pads to 8 bytes.
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"I32\",\"shape\":[3],\"data_offsets\":[8,20]}}";
        assertEquals(141, header.length());
        byte[] expected = SafeTensorsBytes.concat(
                new byte[] {(byte) 144, 0, 0, 0, 0, 0, 0, 0},
                (header + "   ").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0x20, (byte) 0xc0},
                new byte[] {1, 0, 0, 0, -1, -1, -1, -1, 0, 0, 1, 0});
        assertArrayEquals(expected, Files.readAllBytes(path));
    }

    @Test
    void anEmptyFileIsTheBareHeader() throws Exception {
        Path path = dir.resolve("empty.safetensors");
        SafeTensors.write(path, Map.of());
        assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '}, Files.readAllBytes(path));
        try (SafeTensorsContent read = SafeTensors.read(path)) {
            assertEquals(Map.of(), read.tensors());
            assertEquals(Map.of(), read.metadata());
        }
    }

    @Test
    void aFileBuiltByHandIsRead() throws Exception {
        // Another writer's layout: spaces and newlines, names out of order, data not in name order,
        // escaped names, metadata last, no padding.
        String header = "{\n  \"z\\u00e9\": {\"shape\": [2, 2], \"dtype\": \"I32\", \"data_offsets\": [0, 16]},\n"
                + "  \"a\\\"q\": {\"data_offsets\": [16, 28], \"dtype\": \"F32\", \"shape\": [3]},\n"
                + "  \"s\": {\"dtype\": \"F32\", \"shape\": [], \"data_offsets\": [28, 32]},\n"
                + "  \"__metadata__\": {\"epoch\": \"3\"}\n}";
        byte[] data = SafeTensorsBytes.concat(ints(5, -6, 7, 1 << 30), floats(0.5f, -1e-3f, 3e8f), floats(-7f));
        Path path = SafeTensorsBytes.write(dir, "hand.safetensors", file(header, data));
        try (SafeTensorsContent read = SafeTensors.read(path, backend())) {
            assertEquals(List.of("z\u00e9", "a\"q", "s"), new ArrayList<>(read.tensors().keySet()), "header order");
            assertIntTensor("z\u00e9", new int[] {2, 2}, new int[] {5, -6, 7, 1 << 30}, read.tensors().get("z\u00e9"));
            assertArrayEquals(new float[] {0.5f, -1e-3f, 3e8f}, read.tensors().get("a\"q").toFloatArray());
            assertEquals(-7f, read.tensors().get("s").item());
            assertEquals(Map.of("epoch", "3"), read.metadata());
        }
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path path = dir.resolve("w.safetensors");
        SafeTensors.write(path, Map.of("x", Tensors.ones(4)));
        SafeTensors.write(path, Map.of("y", Tensors.fromArray(new int[] {9}, 1)));
        try (SafeTensorsContent read = SafeTensors.read(path)) {
            assertEquals(List.of("y"), new ArrayList<>(read.tensors().keySet()));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(path), files.toList());
        }
    }
}
