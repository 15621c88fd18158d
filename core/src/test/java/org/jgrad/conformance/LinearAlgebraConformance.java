package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** matmul: plain, 1-D promotions, batched, broadcast batch dimensions, and shape errors. */
public class LinearAlgebraConformance extends TensorConformanceSupport {

    @ParameterizedTest(name = "({0} x {1}) @ ({1} x {2})")
    @CsvSource({"1, 1, 1", "7, 7, 7", "1, 129, 7", "129, 7, 1", "7, 129, 129", "129, 129, 129", "3, 1, 5", "1, 7, 1",
        "64, 65, 63"})
    void matrixTimesMatrix(int m, int k, int n) {
        HostArray a = HostArray.random(101, -1, 1, m, k);
        HostArray b = HostArray.random(102, -1, 1, k, n);
        assertTensor("matmul", matmul(a, b), tensor(a).matmul(tensor(b)), 1e-5, 1e-6 * k);
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @CsvSource({
        "7, 7x5", "129, 129x1", "1, 1x7",          // vector @ matrix: (k) -> (1, k), result (n)
        "5x7, 7", "1x129, 129", "7x1, 1",          // matrix @ vector: (k) -> (k, 1), result (m)
        "7, 7", "129, 129", "1, 1",                // vector @ vector: a scalar
        "7, 4x7x5", "4x3x7, 7",                    // a vector against a batch
        "4x3x7, 4x7x5", "1x3x7, 6x7x2", "2x1x3x7, 3x7x5", "5x3x7, 7x2", "3x7, 5x7x2", "2x3x1x4x7, 3x5x7x1"})
    void matmulFollowsPyTorchPromotionAndBroadcasting(String aText, String bText) {
        int[] aShape = parseShape(aText);
        int[] bShape = parseShape(bText);
        HostArray a = HostArray.random(103, -1, 1, aShape);
        HostArray b = HostArray.random(104, -1, 1, bShape);
        int k = aShape[aShape.length - 1];
        assertTensor(aText + " @ " + bText, matmul(a, b), tensor(a).matmul(tensor(b)), 1e-5, 1e-6 * k);
    }

    @Test
    void promotedShapesAreDroppedAgain() {
        assertShape(new int[] {5}, Tensors.ones(7).matmul(Tensors.ones(7, 5)));
        assertShape(new int[] {5}, Tensors.ones(5, 7).matmul(Tensors.ones(7)));
        assertShape(new int[] {}, Tensors.ones(7).matmul(Tensors.ones(7)));
        assertShape(new int[] {4, 5}, Tensors.ones(7).matmul(Tensors.ones(4, 7, 5)));
        assertShape(new int[] {2, 3, 4, 5}, Tensors.ones(2, 1, 4, 7).matmul(Tensors.ones(3, 7, 5)));
    }

    @Test
    void mismatchedInnerSizesAreRejectedNamingBothShapes() {
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(3, 4).matmul(Tensors.ones(5, 2)), "matmul",
                shape(3, 4), shape(5, 2));
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(4).matmul(Tensors.ones(5)), "matmul",
                shape(4), shape(5));
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(6).matmul(Tensors.ones(2, 5, 3)), "matmul",
                shape(6), shape(2, 5, 3));
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(2, 3, 4).matmul(Tensors.ones(3, 4, 5)), "matmul",
                shape(2, 3, 4), shape(3, 4, 5));
        assertRejected(IllegalArgumentException.class, () -> Tensors.scalar(2f).matmul(Tensors.ones(3)), "matmul",
                shape(), shape(3));
    }

    @ParameterizedTest(name = "linear {0} by ({1} x in), bias {2}")
    @CsvSource({"7x5, 4, true", "1x129, 7, false", "2x3x5, 4, true", "5, 3, true", "129x7, 129, true", "3x1, 1, false"})
    void linearIsInputTimesWeightTransposedPlusBias(String xText, int out, boolean bias) {
        int[] xShape = parseShape(xText);
        int in = xShape[xShape.length - 1];
        HostArray x = HostArray.random(105, -1, 1, xShape);
        HostArray w = HostArray.random(106, -1, 1, out, in);
        HostArray b = HostArray.random(107, -1, 1, out);
        double[] expected = NnReference.linear(x.data(), in, w.data(), out, bias ? b.data() : null);
        int[] outShape = xShape.clone();
        outShape[xShape.length - 1] = out;
        assertTensor("linear", HostArray.of(expected, outShape),
                tensor(x).linear(tensor(w), bias ? tensor(b) : null), 1e-5, 1e-6 * in);
    }

    @Test
    void linearRejectsMismatchedShapes() {
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(3, 4).linear(Tensors.ones(2, 5), null), "linear",
                shape(3, 4), shape(2, 5));
        assertRejected(IllegalArgumentException.class,
                () -> Tensors.ones(3, 4).linear(Tensors.ones(2, 4), Tensors.ones(3)), "linear", shape(3), shape(2, 4));
    }

    private static void assertShape(int[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.shape(),
                "shape " + Arrays.toString(actual.shape()));
    }

    /** PyTorch's matmul in float64: 1-D operands promoted and the promoted dimension dropped, batches broadcast. */
    private static HostArray matmul(HostArray a, HostArray b) {
        HostArray a2 = a.rank() == 1 ? a.reshape(1, a.numel()) : a;
        HostArray b2 = b.rank() == 1 ? b.reshape(b.numel(), 1) : b;
        HostArray out = batchedProduct(a2, b2);
        int[] shape = out.shape();
        int rank = shape.length;
        if (a.rank() == 1 && b.rank() == 1) {
            return out.reshape();
        }
        if (a.rank() == 1) {
            int[] dropped = Arrays.copyOf(shape, rank - 1);
            dropped[rank - 2] = shape[rank - 1];
            return out.reshape(dropped);
        }
        return b.rank() == 1 ? out.reshape(Arrays.copyOf(shape, rank - 1)) : out;
    }

    /** Batched product of rank >= 2 arrays: batch dimensions broadcast, each batch a plain product. */
    private static HostArray batchedProduct(HostArray a, HostArray b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs[bs.length - 1];
        HostArray aBatch = HostArray.zeros(Arrays.copyOf(as, as.length - 2));
        HostArray bBatch = HostArray.zeros(Arrays.copyOf(bs, bs.length - 2));
        int[] batch = HostArray.zip(aBatch, bBatch, Double::sum).shape();
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        HostArray out = HostArray.zeros(outShape);
        for (int flat = 0; flat < out.numel(); flat++) {
            int[] index = HostArray.unravel(flat, outShape);
            double sum = 0;
            for (int q = 0; q < k; q++) {
                sum += a.get(operandIndex(index, as, index[batch.length], q))
                        * b.get(operandIndex(index, bs, q, index[batch.length + 1]));
            }
            out.set(sum, index);
        }
        return out;
    }

    /** The index into an operand of shape own for output index out: trailing batch dims aligned, size 1 reads 0. */
    private static int[] operandIndex(int[] out, int[] own, int row, int col) {
        int[] index = new int[own.length];
        int lead = out.length - own.length;
        for (int d = 0; d < own.length - 2; d++) {
            index[d] = own[d] == 1 ? 0 : out[lead + d];
        }
        index[own.length - 2] = row;
        index[own.length - 1] = col;
        return index;
    }
}
