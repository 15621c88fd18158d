package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Strided primitives on more dimensions than a kernel launch takes (8): a rank-10 view whose
 * dimensions cannot merge (the operand is read transposed) gives the same answer on every backend.
 */
public class HighRankConformance extends ConformanceSupport {
    private static final int[] SHAPE = {2, 3, 2, 2, 3, 2, 2, 2, 3, 2};

    /** Strides that read a contiguous array of the reversed shape as SHAPE: no two neighbours merge. */
    private static int[] transposedStrides() {
        int rank = SHAPE.length;
        int[] reversed = new int[rank];
        for (int d = 0; d < rank; d++) {
            reversed[d] = SHAPE[rank - 1 - d];
        }
        int[] contiguous = Shape.strides(reversed);
        int[] strides = new int[rank];
        for (int d = 0; d < rank; d++) {
            strides[d] = contiguous[rank - 1 - d];
        }
        return strides;
    }

    /** The element of {@code values} that linear index i of SHAPE reads through {@code strides}, plus offset. */
    private static float read(float[] values, int[] strides, int offset, int i) {
        int[] dense = Shape.strides(SHAPE);
        int at = offset;
        for (int d = 0; d < SHAPE.length; d++) {
            at += i / dense[d] % SHAPE[d] * strides[d];
        }
        return values[at];
    }

    @Test
    void copyOfATransposedRankTenView() {
        int n = Shape.numel(SHAPE);
        float[] values = randomFloats(n + 3, 81);
        int[] src = transposedStrides();
        Buffer dst = backend().allocate(DType.FLOAT32, n + 5);
        backend().copy(SHAPE, upload(values), 3, src, dst, 5, Shape.strides(SHAPE));
        float[] expected = new float[n + 5];
        for (int i = 0; i < n; i++) {
            expected[5 + i] = read(values, src, 3, i);
        }
        assertArrayEquals(expected, backend().downloadFloat(dst));
    }

    @Test
    void binaryAndWhereOnATransposedRankTenView() {
        int n = Shape.numel(SHAPE);
        float[] a = randomFloats(n, 82);
        float[] b = randomFloats(n, 83);
        float[] cond = new float[n];
        for (int i = 0; i < n; i++) {
            cond[i] = i % 3 == 0 ? 0 : 1;
        }
        int[] strides = transposedStrides();
        int[] dense = Shape.strides(SHAPE);
        Buffer difference = backend().allocate(DType.FLOAT32, n);
        backend().binary(BinaryOp.SUB, SHAPE, upload(a), strides, upload(b), dense, difference);
        Buffer picked = backend().allocate(DType.FLOAT32, n);
        backend().where(SHAPE, upload(cond), dense, upload(a), strides, upload(b), dense, picked);
        float[] expectedDifference = new float[n];
        float[] expectedPicked = new float[n];
        for (int i = 0; i < n; i++) {
            expectedDifference[i] = read(a, strides, 0, i) - b[i];
            expectedPicked[i] = cond[i] != 0 ? read(a, strides, 0, i) : b[i];
        }
        assertArrayEquals(expectedDifference, backend().downloadFloat(difference), "binary");
        assertArrayEquals(expectedPicked, backend().downloadFloat(picked), "where");
    }
}
