package org.jgrad.conformance;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gather, indexSelect, oneHot and toType through the tensor API, and their index errors. */
public class IndexingOpsConformance extends TensorConformanceSupport {

    @ParameterizedTest(name = "x {0}, dim {1}, {2} picks")
    @CsvSource({"4x6x5, 0, 3", "4x6x5, 1, 1", "4x6x5, 2, 9", "4x6x5, -1, 5", "4x6x5, -3, 4", "1000x10, 1, 1",
        "7, 0, 129", "1x1, 0, 1"})
    void gatherPicksAlongADimension(String shapeText, int dim, int picks) {
        int[] shape = parseShape(shapeText);
        int d = dim < 0 ? dim + shape.length : dim;
        HostArray x = HostArray.random(121, -1, 1, shape);
        int[] indexShape = shape.clone();
        indexShape[d] = picks;
        HostArray index = HostArray.randomIntegers(122, 0, shape[d], indexShape);
        HostArray expected = HostArray.zeros(indexShape);
        for (int flat = 0; flat < expected.numel(); flat++) {
            int[] at = HostArray.unravel(flat, indexShape);
            int[] source = at.clone();
            source[d] = (int) index.get(at);
            expected.set(x.get(source), at);
        }
        assertExact("gather", expected, tensor(x).gather(dim, intTensor(index.toInts(), indexShape)));
    }

    @ParameterizedTest(name = "x 5x7x3, dim {0}, index {1}")
    @CsvSource({"0, 2 0 2 2 4", "1, 6", "1, 0 1 2 3 4 5 6", "1, 3 3 3 3 3 3 3 3 3", "2, 2 1 0 1", "-1, 0", "-2, 6 5 0"})
    void indexSelectTakesListedEntriesWithRepeats(int dim, String indexText) {
        int[] index = parseInts(indexText);
        int d = dim < 0 ? dim + 3 : dim;
        HostArray x = HostArray.random(123, -1, 1, 5, 7, 3);
        int[] outShape = x.shape();
        outShape[d] = index.length;
        HostArray expected = HostArray.zeros(outShape);
        for (int flat = 0; flat < expected.numel(); flat++) {
            int[] at = HostArray.unravel(flat, outShape);
            int[] source = at.clone();
            source[d] = index[at[d]];
            expected.set(x.get(source), at);
        }
        assertExact("indexSelect", expected, tensor(x).indexSelect(dim, intTensor(index, index.length)));
    }

    @Test
    void oneHotAddsAClassDimension() {
        assertOneHot(new int[] {3, 0, 4, 4, 1, 0, 2}, 5, 7);
        assertOneHot(new int[] {1, 0, 3, 3, 2, 1}, 4, 2, 3);
        assertOneHot(new int[] {0, 0, 0}, 1, 3);
        int[] many = HostArray.randomIntegers(124, 0, 10, 1000).toInts();
        assertOneHot(many, 10, 1000);
        assertOneHot(new int[] {6}, 7);
    }

    @Test
    void toTypeRoundsTowardZeroAndConvertsBack() {
        float[] floats = {2.7f, -2.7f, 0.5f, -0.5f, 3f, -3f, 1234567.5f, -16777216f, 0.999f};
        Tensor ints = Tensors.fromArray(floats, 3, 3).toType(DType.INT32);
        assertIntTensor("FLOAT32 to INT32", new int[] {3, 3}, new int[] {2, -2, 0, 0, 3, -3, 1234567, -16777216, 0}, ints);
        int[] values = {7, -3, 0, 16777216, -1, 2147483};
        assertExact("INT32 to FLOAT32", HostArray.of(new double[] {7, -3, 0, 16777216, -1, 2147483}, 2, 3),
                intTensor(values, 2, 3).toType(DType.FLOAT32));
        HostArray x = HostArray.random(125, -1, 1, 7, 129);
        assertExact("FLOAT32 to FLOAT32", x, tensor(x).toType(DType.FLOAT32));
        assertIntTensor("INT32 to INT32", new int[] {6}, values, intTensor(values, 6).toType(DType.INT32));
    }

    @Test
    void indicesOutOfRangeAreRejectedNamingTheIndex() {
        Tensor x = tensor(HostArray.random(126, -1, 1, 3, 6));
        assertRejected(IndexOutOfBoundsException.class, () -> x.gather(1, intTensor(new int[] {0, 6, 1, 2, 3, 4}, 3, 2)),
                "6");
        assertRejected(IndexOutOfBoundsException.class, () -> x.gather(0, intTensor(new int[] {0, 1, 2, -1, 0, 0}, 1, 6)),
                "-1");
        assertRejected(IndexOutOfBoundsException.class, () -> x.indexSelect(0, intTensor(new int[] {1, 3}, 2)), "3");
        assertRejected(IndexOutOfBoundsException.class, () -> x.indexSelect(-1, intTensor(new int[] {-2}, 1)), "-2");
        assertRejected(IndexOutOfBoundsException.class, () -> intTensor(new int[] {0, 5, 2}, 3).oneHot(5), "5");
        assertRejected(IndexOutOfBoundsException.class, () -> intTensor(new int[] {-1}, 1).oneHot(3), "-1");
    }

    @Test
    void badIndexTensorsAreRejected() {
        Tensor x = tensor(HostArray.random(127, -1, 1, 3, 6));
        assertRejected(IllegalArgumentException.class, () -> x.gather(1, intTensor(new int[4], 2, 2)), "gather",
                shape(2, 2), shape(3, 6));
        assertRejected(IllegalArgumentException.class, () -> x.gather(1, Tensors.zeros(3, 1)), "gather", "INT32");
        assertRejected(IllegalArgumentException.class, () -> x.gather(2, intTensor(new int[3], 3, 1)), "gather", "2");
        assertRejected(IllegalArgumentException.class, () -> x.indexSelect(0, intTensor(new int[4], 2, 2)), "indexSelect",
                shape(2, 2));
        assertRejected(IllegalArgumentException.class, () -> x.indexSelect(0, Tensors.zeros(2)), "indexSelect", "INT32");
        assertRejected(IllegalArgumentException.class, () -> intTensor(new int[] {0}, 1).oneHot(0), "oneHot", "0");
        assertRejected(IllegalArgumentException.class, () -> Tensors.zeros(3).oneHot(2), "oneHot", "INT32");
    }

    private static void assertOneHot(int[] labels, int classes, int... shape) {
        int[] outShape = Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = classes;
        double[] expected = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            expected[i * classes + labels[i]] = 1;
        }
        assertExact("oneHot(" + classes + ") of " + shape(shape), HostArray.of(expected, outShape),
                intTensor(labels, shape).oneHot(classes));
    }
}
