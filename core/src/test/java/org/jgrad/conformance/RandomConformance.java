package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.Distribution;
import org.jgrad.backend.Philox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counter-based random fills: every element equals {@link Philox#sample} bit for bit (the contract
 * every backend matches), plus reproducibility and a loose statistical sanity check.
 */
public class RandomConformance extends ConformanceSupport {

    static List<Arguments> fills() {
        List<Arguments> fills = new ArrayList<>();
        long[] seeds = {0L, 42L, 0x9E3779B97F4A7C15L};
        // Offsets off a block boundary, far along the stream, and wrapping past 2^64.
        long[] offsets = {0L, 1L, 2L, 3L, 6L, (1L << 40) + 5, -6L};
        for (Distribution dist : Distribution.values()) {
            for (long seed : seeds) {
                for (long offset : offsets) {
                    for (int size : new int[] {1, 7, 129, 1000, 100003}) {
                        if (size == 100003 && offset != 3) {
                            continue; // one fill per (dist, seed) large enough to split across threads
                        }
                        fills.add(Arguments.of(dist, seed, offset, size));
                    }
                }
            }
        }
        return fills;
    }

    @ParameterizedTest(name = "{0} seed {1} offset {2} size {3}")
    @MethodSource("fills")
    void everyElementIsPhiloxSample(Distribution dist, long seed, long offset, int size) {
        float a = dist == Distribution.UNIFORM ? -1.5f : 0.25f;
        float b = dist == Distribution.UNIFORM ? 2.75f : 1.75f;
        float[] actual = fill(dist, seed, offset, a, b, size);
        for (int i = 0; i < size; i++) {
            float expected = Philox.sample(dist, seed, offset + i, a, b);
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual[i])) {
                fail(dist + " seed " + seed + " offset " + offset + ": element " + i + " is " + actual[i]
                        + ", Philox.sample gives " + expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void sameSeedGivesSameNumbersAndFillsSplitAlongTheStream(Distribution dist) {
        float[] whole = fill(dist, 9, 100, 0f, 1f, 1000);
        assertArrayEquals(whole, fill(dist, 9, 100, 0f, 1f, 1000));
        float[] head = fill(dist, 9, 100, 0f, 1f, 333);
        float[] tail = fill(dist, 9, 433, 0f, 1f, 667);
        float[] joined = new float[1000];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        assertArrayEquals(whole, joined);
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void differentSeedsGiveDifferentNumbers(Distribution dist) {
        float[] one = fill(dist, 1, 0, 0f, 1f, 1000);
        float[] two = fill(dist, 2, 0, 0f, 1f, 1000);
        int same = 0;
        for (int i = 0; i < one.length; i++) {
            same += one[i] == two[i] ? 1 : 0;
        }
        assertTrue(same < 10, same + " of 1000 elements agree between seeds 1 and 2");
    }

    @Test
    void uniformHasTheMeanAndVarianceOfItsInterval() {
        float[] values = fill(Distribution.UNIFORM, 123, 0, -2f, 3f, 100003);
        double[] moments = moments(values);
        assertEquals(0.5, moments[0], 0.05, "mean of U[-2, 3)");
        assertEquals(25.0 / 12, moments[1], 0.1, "variance of U[-2, 3)");
        for (float v : values) {
            assertTrue(v >= -2f && v < 3f, v + " lies outside [-2, 3)");
        }
    }

    @Test
    void normalHasItsMeanAndStandardDeviation() {
        double[] moments = moments(fill(Distribution.NORMAL, 321, 0, 1.5f, 2f, 100003));
        assertEquals(1.5, moments[0], 0.05, "mean of N(1.5, 2^2)");
        assertEquals(2.0, Math.sqrt(moments[1]), 0.05, "standard deviation of N(1.5, 2^2)");
    }

    private float[] fill(Distribution dist, long seed, long offset, float a, float b, int size) {
        Buffer out = backend().allocate(DType.FLOAT32, size);
        backend().random(dist, seed, offset, a, b, out);
        return backend().downloadFloat(out);
    }

    /** {mean, variance} in float64. */
    private static double[] moments(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, squares / values.length};
    }
}
