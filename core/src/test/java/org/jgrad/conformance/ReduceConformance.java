package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.UnaryOperator;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ReduceOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reductions of the middle axis of (outer, size, inner) against float64 loops written here:
 * every op on many shape combinations, ties (the first index wins), NaN (the extreme), and
 * one-signed data that a wrong starting value would betray.
 */
public class ReduceConformance extends ConformanceSupport {
    /** (outer, size, inner): single elements, last axis, first axis, middle axis, bands wider than 512, large. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 1}, {1, 1000, 1}, {7, 129, 1}, {129, 7, 1}, {1000, 33, 1}, {1, 7, 129}, {1, 1000, 7},
        {5, 1, 3}, {3, 129, 7}, {2, 1000, 33}, {4, 3, 600}, {1, 100_003, 1}, {300, 1000, 1}, {2, 129, 1000},
    };

    /** The float64 reference of (op) along s for position (o, i). */
    private static double reference(ReduceOp op, float[] x, int o, int size, int inner, int i) {
        double sum = 0;
        int best = 0;
        double bestValue = x[o * size * inner + i];
        for (int s = 0; s < size; s++) {
            double v = x[(o * size + s) * inner + i];
            sum += v;
            boolean better = op == ReduceOp.MAX || op == ReduceOp.ARGMAX ? v > bestValue : v < bestValue;
            if (!Double.isNaN(bestValue) && (better || Double.isNaN(v))) {
                best = s;
                bestValue = v;
            }
        }
        return switch (op) {
            case SUM -> sum;
            case MAX, MIN -> bestValue;
            case ARGMAX, ARGMIN -> best;
        };
    }

    private void check(ReduceOp op, String data, float[] x, int outer, int size, int inner) {
        Buffer out = backend().allocate(op.writesIndices() ? DType.INT32 : DType.FLOAT32, outer * inner);
        backend().reduce(op, upload(x), outer, size, inner, out);
        double[] expected = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                expected[o * inner + i] = reference(op, x, o, size, inner, i);
            }
        }
        String what = op + " of " + data + " (" + outer + ", " + size + ", " + inner + ")";
        if (op.writesIndices()) {
            int[] indices = new int[expected.length];
            for (int k = 0; k < indices.length; k++) {
                indices[k] = (int) expected[k];
            }
            assertArrayEquals(indices, backend().downloadInt(out), what);
        } else if (op == ReduceOp.SUM) {
            // float accumulation: the error grows about with the square root of the length
            assertClose(what, expected, backend().downloadFloat(out), 1e-5, 1e-5 * Math.sqrt(size));
        } else {
            assertClose(what, expected, backend().downloadFloat(out), 0, 0);
        }
    }

    private void checkAllShapes(ReduceOp op, String data, UnaryOperator<float[]> shape) {
        for (int[] s : SHAPES) {
            float[] x = shape.apply(randomFloats(s[0] * s[1] * s[2], s[1] * 7919L + s[2]));
            check(op, data, x, s[0], s[1], s[2]);
        }
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void randomData(ReduceOp op) {
        checkAllShapes(op, "random data", x -> x);
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void tiesGoToTheFirstIndex(ReduceOp op) {
        checkAllShapes(op, "data with ties", x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.floor(x[i] * 2);
            }
            return x;
        });
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void oneSignedData(ReduceOp op) {
        checkAllShapes(op, "negative data", x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = -1 - 9 * Math.abs(x[i]);
            }
            return x;
        });
        checkAllShapes(op, "positive data", x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = 1 + 9 * Math.abs(x[i]);
            }
            return x;
        });
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void nanIsTheExtreme(ReduceOp op) {
        // about one element in 300 is NaN: some rows have none, some one, some several
        checkAllShapes(op, "data with NaN", x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.abs(x[i]) < 1 / 300f ? Float.NaN : x[i];
            }
            x[x.length - 1] = x.length % 2 == 0 ? Float.NaN : x[x.length - 1];
            return x;
        });
    }

    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void infinities(ReduceOp op) {
        checkAllShapes(op, "data with infinities", x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = i % 11 == 3 ? Float.NEGATIVE_INFINITY : i % 13 == 5 ? Float.POSITIVE_INFINITY : x[i];
            }
            return x;
        });
    }

    @Test
    void badArgumentsFail() {
        Buffer x = upload(randomFloats(12, 1));
        Buffer floats4 = backend().allocate(DType.FLOAT32, 4);
        Buffer ints4 = backend().allocate(DType.INT32, 4);
        assertThrows(IllegalArgumentException.class, () -> backend().reduce(ReduceOp.SUM, x, 4, 0, 1, floats4));
        assertThrows(IllegalArgumentException.class, () -> backend().reduce(ReduceOp.SUM, x, 4, 4, 1, floats4));
        assertThrows(IllegalArgumentException.class, () -> backend().reduce(ReduceOp.SUM, x, 4, 3, 1, ints4));
        assertThrows(IllegalArgumentException.class, () -> backend().reduce(ReduceOp.ARGMAX, x, 4, 3, 1, floats4));
        assertThrows(IllegalArgumentException.class,
                () -> backend().reduce(ReduceOp.MAX, x, 1, 6, 2, floats4));
    }
}
