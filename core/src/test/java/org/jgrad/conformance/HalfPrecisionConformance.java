package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.HalfFloats;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.SafeTensorsContent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FLOAT16 and BFLOAT16 as storage types: casts from FLOAT32 round to nearest even exactly as
 * {@link HalfFloats} (itself checked against the formats' definitions in float64), casts back
 * are exact, fill, movement (permute, narrow, cat) keep the 16-bit values, elementwise ops read
 * them as FLOAT32, other ops refuse them by name, and safetensors stores them as F16 and BF16.
 */
public class HalfPrecisionConformance extends TensorConformanceSupport {
    /** Edge values: signed zeros, the largest half, past it, subnormals, underflow, infinities, NaN. */
    private static final float[] EDGES = {0f, -0f, 1f, -2.5f, 65504f, 65520f, 1e5f, 6e-8f, 3e-5f, 1e-9f, 1f / 3,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 3.4e38f, 1.17e-38f};

    @TempDir
    Path dir;

    private static float rounded(DType type, float value) {
        return type == DType.FLOAT16 ? HalfFloats.float16ToFloat(HalfFloats.floatToFloat16(value))
                : HalfFloats.bfloat16ToFloat(HalfFloats.floatToBfloat16(value));
    }

    private static float[] rounded(DType type, float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = rounded(type, values[i]);
        }
        return out;
    }

    private static void assertBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            boolean same = Float.isNaN(expected[i]) ? Float.isNaN(actual[i])
                    : Float.floatToRawIntBits(expected[i]) == Float.floatToRawIntBits(actual[i]);
            assertTrue(same, what + " element " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT16", "BFLOAT16"})
    void castsRoundToNearestEvenAndWidenExactly(DType type) {
        for (int n : new int[] {1, 7, 129, 1000}) {
            float[] values = randomFloats(n, 31 + n, -70_000, 70_000);
            System.arraycopy(EDGES, 0, values, 0, Math.min(EDGES.length, n));
            Tensor x = tensor(values, n);
            Tensor half = x.to(type);
            assertEquals(type, half.dtype());
            assertArrayEquals(new int[] {n}, half.shape());
            assertBits(rounded(type, values), half.toFloatArray(), type + " of " + n);
            Tensor back = half.to(DType.FLOAT32);
            assertEquals(DType.FLOAT32, back.dtype());
            assertBits(rounded(type, values), back.toFloatArray(), type + " back to FLOAT32");
            assertSame(half, half.to(type), "to(its own dtype) is the tensor itself");
        }
        Tensor small = tensor(new float[] {1.75f, -3.9f, 250f}, 3).to(type);
        assertArrayEquals(new int[] {1, -3, 250}, small.toType(DType.INT32).toIntArray(), "to INT32 toward zero");
        assertBits(rounded(type, new float[] {7, -2, 100_000}),
                Tensors.fromArray(backend(), new int[] {7, -2, 100_000}, 3).toType(type).toFloatArray(), "INT32 in");
        DType other = type == DType.FLOAT16 ? DType.BFLOAT16 : DType.FLOAT16;
        assertBits(rounded(other, rounded(type, new float[] {1f / 3, 1000.1f})),
                tensor(new float[] {1f / 3, 1000.1f}, 2).to(type).to(other).toFloatArray(), "between the half types");
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT16", "BFLOAT16"})
    void fillAndMovementKeepTheSixteenBitValues(DType type) {
        assertBits(new float[5], Tensors.zeros(backend(), type, 5).toFloatArray(), "zeros");
        float[] values = randomFloats(3 * 5, 7, -4, 4);
        float[] r = rounded(type, values);
        Tensor half = tensor(values, 3, 5).to(type);
        Tensor permuted = half.permute(1, 0);
        assertEquals(type, permuted.dtype());
        float[] expected = new float[15];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                expected[j * 3 + i] = r[i * 5 + j];
            }
        }
        assertBits(expected, permuted.toFloatArray(), "permute");
        Tensor middle = half.narrow(1, 1, 3);
        assertEquals(type, middle.dtype());
        assertBits(new float[] {r[1], r[2], r[3], r[6], r[7], r[8], r[11], r[12], r[13]}, middle.toFloatArray(), "narrow");
        Tensor joined = Tensors.cat(0, half, half.narrow(0, 0, 1));
        assertEquals(type, joined.dtype());
        float[] cat = new float[20];
        System.arraycopy(r, 0, cat, 0, 15);
        System.arraycopy(r, 0, cat, 15, 5);
        assertBits(cat, joined.toFloatArray(), "cat");
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT16", "BFLOAT16"})
    void elementwiseOpsReadHalvesAsFloat32AndOtherOpsSaySo(DType type) {
        float[] values = {0.1f, -1.3f, 2.7f};
        Tensor half = tensor(values, 3).to(type);
        Tensor sum = half.add(tensor(new float[] {1, 1, 1}, 3));
        assertEquals(DType.FLOAT32, sum.dtype());
        float[] r = rounded(type, values);
        assertBits(new float[] {r[0] + 1, r[1] + 1, r[2] + 1}, sum.toFloatArray(), "add");
        assertRejected(IllegalArgumentException.class, half::relu, "expected a FLOAT32 tensor, got " + type);
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT16", "BFLOAT16"})
    void safetensorsStoresThemInTheirOwnTypeAndReadsThemAsFloat32(DType type) throws Exception {
        float[] values = {1f / 3, -70_000f, 1e-6f};
        Path file = dir.resolve("half.safetensors");
        SafeTensors.write(file, Map.of("h", tensor(values, 3).to(type)));
        try (SafeTensorsContent content = SafeTensors.read(file, backend())) {
            Tensor h = content.tensors().get("h");
            assertEquals(DType.FLOAT32, h.dtype());
            assertBits(rounded(type, values), h.toFloatArray(), "read back");
        }
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String code = type == DType.FLOAT16 ? "F16" : "BF16";
        assertTrue(new String(bytes, 8, headerLength, StandardCharsets.UTF_8).contains("\"dtype\":\"" + code + "\""));
        assertEquals(8 + headerLength + 3 * 2, bytes.length, "2 bytes an element");
    }
}
