package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gather and scatterAdd along the middle axis against direct loops, and their bad-index errors. */
public class IndexingConformance extends ConformanceSupport {

    @ParameterizedTest(name = "outer {0}, src {1}, inner {2}, index {3}")
    @CsvSource({"1, 1, 1, 1", "3, 7, 5, 4", "2, 5, 1, 9", "1, 129, 1, 1000", "7, 3, 129, 2", "3, 50, 129, 200"})
    void gatherMatchesDirectLoop(int outer, int srcSize, int inner, int indexSize) {
        float[] src = randomFloats(outer * srcSize * inner, 21);
        int[] index = randomIndices(outer * indexSize * inner, srcSize, 22);
        Buffer out = backend().allocate(DType.FLOAT32, index.length);
        backend().gather(upload(src), outer, srcSize, inner, upload(index), indexSize, out);
        double[] expected = new double[index.length];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < indexSize; j++) {
                for (int i = 0; i < inner; i++) {
                    int at = (o * indexSize + j) * inner + i;
                    expected[at] = src[(o * srcSize + index[at]) * inner + i];
                }
            }
        }
        assertClose("gather", expected, backend().downloadFloat(out), 0, 0);
    }

    @ParameterizedTest(name = "outer {0}, index {1}, inner {2}, out {3}")
    @CsvSource({"1, 1, 1, 1", "3, 7, 5, 4", "2, 9, 1, 5", "1, 1000, 1, 129", "7, 2, 129, 3", "3, 300, 129, 50"})
    void scatterAddMatchesDirectLoopAndAddsToOut(int outer, int indexSize, int inner, int outSize) {
        float[] src = randomFloats(outer * indexSize * inner, 23);
        int[] index = randomIndices(src.length, outSize, 24);
        float[] initial = randomFloats(outer * outSize * inner, 25);
        Buffer out = upload(initial);
        backend().scatterAdd(upload(src), outer, indexSize, inner, upload(index), outSize, out);
        double[] expected = doubles(initial);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < indexSize; j++) {
                for (int i = 0; i < inner; i++) {
                    int at = (o * indexSize + j) * inner + i;
                    expected[(o * outSize + index[at]) * inner + i] += src[at];
                }
            }
        }
        assertClose("scatterAdd", expected, backend().downloadFloat(out), 1e-5, 1e-5);
    }

    @Test
    void repeatedIndicesAccumulate() {
        float[] src = {1.5f, -2.25f, 4f, 0.125f, 3f};
        Buffer out = upload(new float[] {10f, 20f, 30f});
        backend().scatterAdd(upload(src), 1, 5, 1, upload(new int[] {1, 1, 0, 1, 1}), 3, out);
        assertArrayEquals(new float[] {14f, 22.375f, 30f}, backend().downloadFloat(out));
    }

    @Test
    void gatherRejectsAnIndexOutOfRangeNamingIt() {
        int[] index = randomIndices(2 * 3 * 4, 5, 26);
        index[(1 * 3 + 2) * 4 + 1] = 5;
        Buffer out = backend().allocate(DType.FLOAT32, index.length);
        assertRejected(IndexOutOfBoundsException.class,
                () -> backend().gather(upload(randomFloats(2 * 5 * 4, 27)), 2, 5, 4, upload(index), 3, out),
                "5", "(1, 2, 1)", "[0, 5)");
    }

    @Test
    void scatterAddRejectsANegativeIndexAndWritesNothing() {
        int[] index = randomIndices(2 * 3 * 4, 5, 28);
        index[index.length - 1] = -1;
        float[] initial = randomFloats(2 * 5 * 4, 29);
        Buffer out = upload(initial);
        assertRejected(IndexOutOfBoundsException.class,
                () -> backend().scatterAdd(upload(randomFloats(index.length, 30)), 2, 3, 4, upload(index), 5, out),
                "-1", "(1, 2, 3)", "[0, 5)");
        assertArrayEquals(initial, backend().downloadFloat(out), "scatterAdd wrote despite a bad index");
    }
}
