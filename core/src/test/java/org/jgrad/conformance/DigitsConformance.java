package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.jgrad.DType;
import org.jgrad.data.Batch;
import org.jgrad.data.Digits;
import org.jgrad.data.Example;
import org.jgrad.data.TensorDataset;
import org.junit.jupiter.api.Test;

/**
 * The embedded digits set, loaded from the class path. The label counts and the first example
 * are scikit-learn's {@code load_digits()} (counted from digits.csv.gz with awk when it was added).
 */
public class DigitsConformance extends DataSupport {
    private static final int[] LABEL_COUNTS = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
    private static final float[] FIRST = {
        0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0,
        0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0};

    @Test
    void holds1797ExamplesOf64PixelCountsAndTenBalancedClasses() {
        TensorDataset digits = Digits.load();
        assertEquals(Digits.SIZE, digits.size());
        assertArrayEquals(new int[] {Digits.FEATURES}, digits.inputShape());
        assertEquals(DType.INT32, digits.targetType());
        int[] all = IntStream.range(0, Digits.SIZE).toArray();
        try (Batch batch = digits.batch(all)) {
            float[] x = batch.inputs().toFloatArray();
            assertEquals(Digits.SIZE * Digits.FEATURES, x.length);
            for (int i = 0; i < x.length; i++) {
                float v = x[i];
                assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel " + i % 64 + " of example " + i / 64 + " is " + v);
            }
            int[] counts = new int[Digits.CLASSES];
            for (int label : batch.targets().toIntArray()) {
                assertTrue(label >= 0 && label < Digits.CLASSES, "label " + label);
                counts[label]++;
            }
            assertArrayEquals(LABEL_COUNTS, counts, "examples per digit");
        }
        try (Example first = digits.get(0)) {
            assertArrayEquals(FIRST, first.input().toFloatArray(), "the first example, a 0");
            assertEquals(0, first.target().toIntArray()[0]);
        }
    }
}
