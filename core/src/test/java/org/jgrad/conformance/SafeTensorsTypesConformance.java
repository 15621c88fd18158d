package org.jgrad.conformance;

import static org.jgrad.conformance.SafeTensorsBytes.concat;
import static org.jgrad.conformance.SafeTensorsBytes.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.jgrad.io.SafeTensorsFormatException;
import org.jgrad.io.StorageTypes;
import org.jgrad.io.StoredType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safetensors types beyond F32 and I32, as PyTorch writes them: F16, BF16 and F64 read into
 * FLOAT32, I64 into INT32 (refused, naming the element, when a value does not fit), and written
 * back as {@link StorageTypes} say, in the reference writer's order (I64, F64, F32, I32, BF16,
 * F16). The bytes are built by hand from the formats' definitions.
 */
public class SafeTensorsTypesConformance extends TensorConformanceSupport {
    @TempDir
    Path dir;

    private static ByteBuffer little(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    // 1.5 = 0x3E00 in binary16, 0x3FC0 in bfloat16; -2 = 0xC000 / 0xC000; 65504 (largest half) = 0x7BFF.
    private static final String HEADER = "{\"a\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},"
            + "\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[16,32]},"
            + "\"c\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[32,36]},"
            + "\"d\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[36,42]}}";

    /** The header as the reference writer pads it: spaces up to a multiple of 8 bytes. */
    private static String padded(String header) {
        return header + " ".repeat((8 - header.length() % 8) % 8);
    }

    private static byte[] data(long firstLong) {
        return concat(little(16).putLong(firstLong).putLong(-3).array(), little(16).putDouble(0.1).putDouble(-1e300).array(),
                little(4).putShort((short) 0x3FC0).putShort((short) 0xC000).array(),
                little(6).putShort((short) 0x3E00).putShort((short) 0xC000).putShort((short) 0x7BFF).array());
    }

    @Test
    void pyTorchTypesAreReadIntoFloat32AndInt32() throws Exception {
        Path path = dir.resolve("types.safetensors");
        Files.write(path, file(HEADER, data(7)));
        try (SafeTensorsContent content = SafeTensors.read(path, backend())) {
            Map<String, Tensor> t = content.tensors();
            assertEquals(DType.INT32, t.get("a").dtype());
            assertArrayEquals(new int[] {7, -3}, t.get("a").toIntArray());
            assertEquals(DType.FLOAT32, t.get("b").dtype());
            assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY}, t.get("b").toFloatArray());
            assertArrayEquals(new int[] {1, 2}, t.get("c").shape());
            assertArrayEquals(new float[] {1.5f, -2f}, t.get("c").toFloatArray());
            assertArrayEquals(new float[] {1.5f, -2f, 65504f}, t.get("d").toFloatArray());
        }
    }

    @Test
    void anI64ValueBeyondInt32IsRefusedNamingTheElement() throws Exception {
        Path path = dir.resolve("big.safetensors");
        Files.write(path, file(HEADER, data(1L << 31)));
        assertRejected(SafeTensorsFormatException.class, () -> SafeTensors.read(path, backend()), path.toString(),
                "tensor \"a\"", "element 0 is 2147483648, outside the INT32 range");
    }

    @Test
    void writesStoreTheChosenTypesInTheReferenceOrder() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("d", Tensors.fromArray(backend(), new float[] {1.5f, -2f, 65504f}, 3));
        tensors.put("a", Tensors.fromArray(backend(), new int[] {7, -3}, 2));
        Path f16 = dir.resolve("f16.safetensors");
        SafeTensors.write(f16, tensors, Map.of(), StorageTypes.PYTORCH.floats(StoredType.F16));
        byte[] expected = file(padded("{\"a\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"d\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[16,22]}}"),
                concat(little(16).putLong(7).putLong(-3).array(),
                        little(6).putShort((short) 0x3E00).putShort((short) 0xC000).putShort((short) 0x7BFF).array()));
        assertArrayEquals(expected, Files.readAllBytes(f16));
        Path bf16 = dir.resolve("bf16.safetensors");
        tensors.put("c", Tensors.fromArray(backend(), new float[] {1.5f, 0.1f}, 2));
        SafeTensors.write(bf16, tensors, Map.of(), StorageTypes.EXACT.floats(StoredType.BF16));
        try (SafeTensorsContent content = SafeTensors.read(bf16, backend())) {
            assertArrayEquals(new int[] {7, -3}, content.tensors().get("a").toIntArray());
            // 0.1f = 0x3DCCCCCD rounds to bfloat16 0x3DCD: 0.10009765625.
            assertArrayEquals(new float[] {1.5f, 0.10009765625f}, content.tensors().get("c").toFloatArray());
            assertEquals("[a, c, d]", content.tensors().keySet().toString(), "I32 before BF16, then by name");
        }
    }

    @Test
    void storageTypesRefuseAFloatTypeForIntegersAndTheReverse() {
        assertRejected(IllegalArgumentException.class, () -> StorageTypes.EXACT.floats(StoredType.I64),
                "floats must be F32, F16, BF16 or F64 and integers I32 or I64, got floats I64");
        assertRejected(IllegalArgumentException.class, () -> new StorageTypes(StoredType.F32, StoredType.F16),
                "integers F16");
    }
}
