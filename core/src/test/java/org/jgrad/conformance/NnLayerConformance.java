package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Stream;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.AvgPool2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.GlobalAvgPool2d;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.Module;
import org.jgrad.nn.Pool2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Linear, Conv2d, pooling, Flatten and Embedding forwards against float64 loops over the layers' own weights. */
public class NnLayerConformance extends NnSupport {

    static Stream<Arguments> linearCases() {
        return Stream.of(
                // leading shape, in, out, bias
                Arguments.of(new int[] {1}, 1, 1, true),
                Arguments.of(new int[] {7}, 5, 3, true),
                Arguments.of(new int[] {2, 3}, 129, 7, true),
                Arguments.of(new int[] {4}, 1000, 2, false),
                Arguments.of(new int[] {}, 6, 9, true));
    }

    @ParameterizedTest
    @MethodSource("linearCases")
    void linearIsXTimesWeightTransposedPlusBias(int[] leading, int in, int out, boolean bias) {
        Linear linear = new Linear(in, out, bias);
        assertArrayEquals(new int[] {out, in}, linear.weight().shape());
        int[] shape = Arrays.copyOf(leading, leading.length + 1);
        shape[leading.length] = in;
        float[] x = randomFloats(Shape.numel(shape), 1);
        Tensor y = linear.forward(tensor(x, shape));
        int[] expectedShape = shape.clone();
        expectedShape[leading.length] = out;
        assertArrayEquals(expectedShape, y.shape());
        double[] b = bias ? doubles(linear.bias()) : null;
        if (!bias) {
            assertNull(linear.bias());
        }
        assertClose("linear", NnReference.linear(doubles(x), in, doubles(linear.weight()), out, b), y.toFloatArray(),
                1e-4, 1e-5);
    }

    @Test
    void linearRejectsWrongFeatureCountNamingTheShape() {
        Linear linear = new Linear(4, 2);
        assertRejected(IllegalArgumentException.class, () -> linear.forward(tensor(randomFloats(15, 2), 3, 5)),
                "[3, 5]", "4");
    }

    static Stream<NnReference.Conv> convCases() {
        return Stream.of(
                // n, c, h, w, out, k, stride, pad, dilation, groups, bias
                new NnReference.Conv(1, 1, 5, 5, 1, 3, 1, 0, 1, 1, true),
                new NnReference.Conv(2, 3, 7, 6, 4, 3, 1, 1, 1, 1, true),
                new NnReference.Conv(2, 4, 9, 8, 6, 3, 2, 1, 1, 2, true),
                new NnReference.Conv(1, 2, 10, 11, 3, 3, 1, 2, 2, 1, false),
                new NnReference.Conv(3, 4, 5, 5, 4, 1, 1, 0, 1, 4, true),
                new NnReference.Conv(1, 3, 8, 7, 2, 5, 3, 2, 1, 1, true),
                new NnReference.Conv(2, 6, 6, 6, 3, 3, 2, 1, 2, 3, false));
    }

    @ParameterizedTest
    @MethodSource("convCases")
    void conv2dMatchesDirectLoops(NnReference.Conv s) {
        Conv2d conv = new Conv2d(s.c(), s.out(), s.k(), s.stride(), s.pad(), s.dilation(), s.groups(), s.bias());
        assertArrayEquals(new int[] {s.out(), s.c() / s.groups(), s.k(), s.k()}, conv.weight().shape());
        float[] x = randomFloats(Shape.numel(s.inputShape()), 3);
        Tensor y = conv.forward(tensor(x, s.inputShape()));
        assertArrayEquals(s.outputShape(), y.shape());
        double[] b = s.bias() ? doubles(conv.bias()) : null;
        assertClose("conv2d " + s, NnReference.conv2d(s, doubles(x), doubles(conv.weight()), b), y.toFloatArray(),
                1e-4, 1e-5);
    }

    @Test
    void conv2dRejectsBadChannelsAndGroups() {
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(3, 4, 3, 1, 0, 1, 2, true));
        Conv2d conv = new Conv2d(3, 4, 3);
        assertRejected(IllegalArgumentException.class, () -> conv.forward(tensor(randomFloats(50, 4), 1, 2, 5, 5)),
                "[1, 2, 5, 5]");
    }

    static Stream<Arguments> poolCases() {
        return Stream.of(
                // n, c, h, w, kernel, stride, padding (stride 0: the one-argument constructor)
                Arguments.of(1, 1, 4, 4, 2, 0, 0),
                Arguments.of(2, 3, 7, 6, 2, 0, 0),
                Arguments.of(2, 2, 9, 8, 3, 2, 1),
                Arguments.of(1, 3, 5, 7, 3, 1, 1),
                Arguments.of(3, 1, 1, 7, 1, 0, 0),
                Arguments.of(1, 2, 8, 8, 4, 3, 2));
    }

    @ParameterizedTest
    @MethodSource("poolCases")
    void maxAndAvgPoolMatchDirectLoops(int n, int c, int h, int w, int kernel, int stride, int padding) {
        float[] x = randomFloats(n * c * h * w, 5, -2, 2);
        for (boolean max : new boolean[] {true, false}) {
            Pool2d pool = stride == 0 ? (max ? new MaxPool2d(kernel) : new AvgPool2d(kernel))
                    : (max ? new MaxPool2d(kernel, stride, padding) : new AvgPool2d(kernel, stride, padding));
            int effectiveStride = stride == 0 ? kernel : stride;
            Tensor y = pool.forward(tensor(x, n, c, h, w));
            int oh = (h + 2 * padding - kernel) / effectiveStride + 1;
            int ow = (w + 2 * padding - kernel) / effectiveStride + 1;
            assertArrayEquals(new int[] {n, c, oh, ow}, y.shape(), pool.toString());
            assertClose(pool.toString(), NnReference.pool2d(doubles(x), n * c, h, w, kernel, effectiveStride, padding, max),
                    y.toFloatArray(), 1e-6, 1e-6);
        }
    }

    @Test
    void globalAvgPoolAveragesEachFeatureMap() {
        int n = 2;
        int c = 3;
        int hw = 7 * 5;
        float[] x = randomFloats(n * c * hw, 6);
        double[] expected = new double[n * c];
        for (int i = 0; i < x.length; i++) {
            expected[i / hw] += x[i] / (double) hw;
        }
        Tensor flat = new GlobalAvgPool2d().forward(tensor(x, n, c, 7, 5));
        assertArrayEquals(new int[] {n, c}, flat.shape());
        assertClose("global avg pool", expected, flat.toFloatArray(), 1e-5, 1e-6);
        Tensor kept = new GlobalAvgPool2d(true).forward(tensor(x, n, c, 7, 5));
        assertArrayEquals(new int[] {n, c, 1, 1}, kept.shape());
        assertClose("global avg pool keepDims", expected, kept.toFloatArray(), 1e-5, 1e-6);
    }

    @Test
    void flattenMergesTheRequestedDimensionsKeepingValues() {
        float[] x = randomFloats(2 * 3 * 4 * 5, 7);
        Tensor input = tensor(x, 2, 3, 4, 5);
        assertFlattened(new Flatten(), input, new int[] {2, 60});
        assertFlattened(new Flatten(0, -1), input, new int[] {120});
        assertFlattened(new Flatten(1, 2), input, new int[] {2, 12, 5});
    }

    @Test
    void embeddingLooksUpRowsForIndicesOfAnyShape() {
        Embedding embedding = new Embedding(11, 4);
        assertArrayEquals(new int[] {11, 4}, embedding.weight().shape());
        int[] indices = {3, 0, 10, 3, 7, 3};
        Tensor y = embedding.forward(Tensors.fromArray(backend(), indices, 2, 3));
        assertArrayEquals(new int[] {2, 3, 4}, y.shape());
        double[] table = doubles(embedding.weight());
        double[] expected = new double[indices.length * 4];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(table, indices[i] * 4, expected, i * 4, 4);
        }
        assertClose("embedding", expected, y.toFloatArray(), 0, 0);
        assertArrayEquals(new int[] {1, 4}, embedding.forward(Tensors.fromArray(backend(), new int[] {9}, 1)).shape());
    }

    @Test
    void embeddingRejectsFloatIndices() {
        Embedding embedding = new Embedding(5, 2);
        assertRejected(IllegalArgumentException.class, () -> embedding.forward(tensor(new float[] {1, 2}, 2)), "INT32");
    }

    private static void assertFlattened(Module flatten, Tensor input, int[] shape) {
        Tensor y = flatten.forward(input);
        assertArrayEquals(shape, y.shape(), flatten.toString());
        assertClose(flatten.toString(), doubles(input), y.toFloatArray(), 0, 0);
        assertEquals(0, flatten.parameterCount());
    }
}
