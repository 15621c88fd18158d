package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Allocation, upload/download, fill, cast and free. */
public class MemoryConformance extends ConformanceSupport {

    private static int[] randomInts(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt();
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 129, 1000})
    void allocateIsZeroed(int n) {
        Buffer floats = backend().allocate(DType.FLOAT32, n);
        Buffer ints = backend().allocate(DType.INT32, n);
        assertDescribes(floats, ints, n);
        assertArrayEquals(new float[n], backend().downloadFloat(floats));
        assertArrayEquals(new int[n], backend().downloadInt(ints));
    }

    private static void assertDescribes(Buffer floats, Buffer ints, int n) {
        assertEquals(DType.FLOAT32, floats.dtype());
        assertEquals(n, floats.length());
        assertEquals(DType.INT32, ints.dtype());
        assertEquals(n, ints.length());
    }

    /** Freed NaN-filled storage first, so a backend that recycles memory hands it back dirty. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 129, 1 << 16})
    void allocateUninitializedHoldsWhatIsWritten(int n) {
        Buffer dirty = backend().allocate(DType.FLOAT32, n);
        backend().fill(dirty, Float.NaN);
        backend().free(dirty);
        Buffer floats = backend().allocateUninitialized(DType.FLOAT32, n);
        Buffer ints = backend().allocateUninitialized(DType.INT32, n);
        assertDescribes(floats, ints, n);
        float[] values = randomFloats(n, n, -1, 1);
        backend().upload(values, floats);
        assertArrayEquals(values, backend().downloadFloat(floats));
        int[] indices = randomInts(n, n);
        backend().upload(indices, ints);
        assertArrayEquals(indices, backend().downloadInt(ints));
        backend().free(floats);
        backend().free(ints);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 129, 1000})
    void floatRoundTripKeepsEveryBit(int n) {
        float[] values = randomFloats(n, n, -1e6, 1e6);
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, Float.MIN_VALUE,
            Float.MAX_VALUE};
        for (int i = 0; i < Math.min(n, specials.length); i++) {
            values[i * n / specials.length] = specials[i];
        }
        assertArrayEquals(values, backend().downloadFloat(upload(values)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 129, 1000})
    void intRoundTrip(int n) {
        int[] values = randomInts(n, n);
        values[0] = Integer.MIN_VALUE;
        values[n - 1] = Integer.MAX_VALUE;
        assertArrayEquals(values, backend().downloadInt(upload(values)));
    }

    @Test
    void fillFloat() {
        Buffer buffer = upload(randomFloats(129, 1));
        backend().fill(buffer, -3.25f);
        float[] expected = new float[129];
        Arrays.fill(expected, -3.25f);
        assertArrayEquals(expected, backend().downloadFloat(buffer));
    }

    @ParameterizedTest
    @ValueSource(floats = {-2.7f, -0.5f, 3.9f, 7f, 1e10f})
    void fillIntRoundsTowardZero(float value) {
        Buffer buffer = upload(randomInts(7, 2));
        backend().fill(buffer, value);
        int[] expected = new int[7];
        Arrays.fill(expected, (int) value);
        assertArrayEquals(expected, backend().downloadInt(buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 129, 1000})
    void castFloatToIntRoundsTowardZero(int n) {
        float[] values = randomFloats(n, 3, -100, 100);
        values[0] = -2.99f;
        Buffer dst = backend().allocate(DType.INT32, n);
        backend().cast(upload(values), dst);
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            expected[i] = (int) values[i];
        }
        assertArrayEquals(expected, backend().downloadInt(dst));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 129, 1000})
    void castIntToFloat(int n) {
        int[] values = randomInts(n, 4);
        values[0] = -5;
        Buffer dst = backend().allocate(DType.FLOAT32, n);
        backend().cast(upload(values), dst);
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            expected[i] = values[i];
        }
        assertArrayEquals(expected, backend().downloadFloat(dst));
    }

    @Test
    void castToTheSameDtypeCopies() {
        float[] values = randomFloats(129, 5);
        Buffer dst = backend().allocate(DType.FLOAT32, 129);
        backend().cast(upload(values), dst);
        assertArrayEquals(values, backend().downloadFloat(dst));
    }

    @Test
    void lengthMismatchesFail() {
        Buffer floats = backend().allocate(DType.FLOAT32, 6);
        assertThrows(IllegalArgumentException.class, () -> backend().upload(new float[5], floats));
        Buffer ints = backend().allocate(DType.INT32, 6);
        assertThrows(IllegalArgumentException.class, () -> backend().upload(new int[7], ints));
        assertThrows(IllegalArgumentException.class, () -> backend().cast(floats, backend().allocate(DType.INT32, 5)));
    }

    @Test
    void wrongDtypeFails() {
        assertThrows(RuntimeException.class, () -> backend().upload(new float[3], backend().allocate(DType.INT32, 3)));
        assertThrows(RuntimeException.class, () -> backend().downloadInt(backend().allocate(DType.FLOAT32, 3)));
    }

    @Test
    void freedBufferCannotBeUsedAndFreeingTwiceIsHarmless() {
        Buffer buffer = upload(randomFloats(7, 6));
        backend().free(buffer);
        backend().free(buffer);
        assertThrows(IllegalStateException.class, () -> backend().downloadFloat(buffer));
    }
}
