package org.jgrad.conformance;

import java.util.Arrays;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** reshape, permute/transpose, squeeze/unsqueeze, flatten, narrow/slice, cat/stack, expand. */
public class MovementConformance extends TensorConformanceSupport {

    private final HostArray x234 = HostArray.random(81, -1, 1, 2, 3, 4);

    @Test
    void reshapeKeepsRowMajorOrderAndInfersMinusOne() {
        assertExact("reshape(4, 6)", x234.reshape(4, 6), tensor(x234).reshape(4, 6));
        assertExact("reshape(-1)", x234.reshape(24), tensor(x234).reshape(-1));
        assertExact("reshape(2, -1)", x234.reshape(2, 12), tensor(x234).reshape(2, -1));
        assertExact("reshape(-1, 4, 1)", x234.reshape(6, 4, 1), tensor(x234).reshape(-1, 4, 1));
        assertExact("reshape(1, 24, 1, 1)", x234.reshape(1, 24, 1, 1), tensor(x234).reshape(1, 24, 1, 1));
        HostArray one = HostArray.random(82, -1, 1, 1, 1);
        assertExact("reshape() to a scalar", one.reshape(), tensor(one).reshape());
        assertExact("reshape of INT32 keeps values", HostArray.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2),
                intTensor(new int[] {1, 2, 3, 4, 5, 6}, 2, 3).reshape(3, 2).toType(org.jgrad.DType.FLOAT32));
    }

    @Test
    void reshapeRejectsImpossibleShapesNamingBoth() {
        Tensor x = tensor(x234);
        assertRejected(IllegalArgumentException.class, () -> x.reshape(5, 5), "reshape", shape(2, 3, 4), shape(5, 5));
        assertRejected(IllegalArgumentException.class, () -> x.reshape(-1, 5), "reshape", shape(2, 3, 4), shape(-1, 5));
        assertRejected(IllegalArgumentException.class, () -> x.reshape(-1, -1), "reshape", shape(-1, -1));
        assertRejected(IllegalArgumentException.class, () -> x.reshape(-2, 12), "reshape", shape(-2, 12));
    }

    @ParameterizedTest(name = "permute({0})")
    @CsvSource({"0 1 2 3", "3 1 0 2", "1 0 3 2", "3 2 1 0", "-1 0 -2 1"})
    void permuteReordersDimensions(String dimsText) {
        int[] dims = parseInts(dimsText);
        int[] normalized = Arrays.stream(dims).map(d -> d < 0 ? d + 4 : d).toArray();
        HostArray x = HostArray.random(83, -1, 1, 2, 3, 5, 7);
        assertExact("permute", x.permute(normalized), tensor(x).permute(dims));
    }

    @Test
    void transposeSwapsTwoDimensions() {
        assertExact("transpose(0, 2)", x234.permute(2, 1, 0), tensor(x234).transpose(0, 2));
        assertExact("transpose(-1, -2)", x234.permute(0, 2, 1), tensor(x234).transpose(-1, -2));
        assertExact("transpose(1, 1)", x234, tensor(x234).transpose(1, 1));
        HostArray m = HostArray.random(84, -1, 1, 129, 7);
        assertExact("129x7 transposed", m.permute(1, 0), tensor(m).transpose(0, 1));
    }

    @Test
    void permuteRejectsBadDimLists() {
        Tensor x = tensor(x234);
        assertRejected(IllegalArgumentException.class, () -> x.permute(0, 1), "permute", shape(2, 3, 4));
        assertRejected(IllegalArgumentException.class, () -> x.permute(0, 1, 1), "permute", "repeats");
        assertRejected(IllegalArgumentException.class, () -> x.permute(0, 1, 3), "permute", "3");
        assertRejected(IllegalArgumentException.class, () -> x.transpose(0, 3), "transpose", "3");
    }

    @Test
    void squeezeAndUnsqueezeOnlyChangeTheShape() {
        HostArray x = HostArray.random(85, -1, 1, 1, 3, 1, 4, 1);
        assertExact("squeeze()", x.reshape(3, 4), tensor(x).squeeze());
        assertExact("squeeze(2)", x.reshape(1, 3, 4, 1), tensor(x).squeeze(2));
        assertExact("squeeze(-1)", x.reshape(1, 3, 1, 4), tensor(x).squeeze(-1));
        assertExact("squeeze(1) of a size-3 dim", x, tensor(x).squeeze(1));
        assertExact("unsqueeze(0)", x234.reshape(1, 2, 3, 4), tensor(x234).unsqueeze(0));
        assertExact("unsqueeze(3)", x234.reshape(2, 3, 4, 1), tensor(x234).unsqueeze(3));
        assertExact("unsqueeze(-1)", x234.reshape(2, 3, 4, 1), tensor(x234).unsqueeze(-1));
        assertExact("unsqueeze(-2)", x234.reshape(2, 3, 1, 4), tensor(x234).unsqueeze(-2));
        assertRejected(IllegalArgumentException.class, () -> tensor(x234).unsqueeze(4), "unsqueeze", "4");
        assertRejected(IllegalArgumentException.class, () -> tensor(x234).squeeze(3), "squeeze", "3");
    }

    @Test
    void flattenMergesARangeOfDimensions() {
        HostArray x = HostArray.random(86, -1, 1, 2, 3, 4, 5);
        assertExact("flatten()", x.reshape(120), tensor(x).flatten());
        assertExact("flatten(1, 2)", x.reshape(2, 12, 5), tensor(x).flatten(1, 2));
        assertExact("flatten(1, -1)", x.reshape(2, 60), tensor(x).flatten(1, -1));
        assertExact("flatten(-2, -1)", x.reshape(2, 3, 20), tensor(x).flatten(-2, -1));
        assertExact("flatten(2, 2)", x, tensor(x).flatten(2, 2));
        assertRejected(IllegalArgumentException.class, () -> tensor(x).flatten(2, 1), "flatten", "2", "1");
    }

    @ParameterizedTest(name = "narrow(dim {0}, start {1}, length {2})")
    @CsvSource({"0, 0, 5", "0, 2, 3", "1, 6, 1", "1, 1, 4", "2, 0, 2", "-1, 1, 2", "-3, 4, 1", "1, 3, 0",
        "1, -3, 2", "0, -5, 5", "-1, -1, 1"})
    void narrowTakesARange(int dim, int start, int length) {
        HostArray x = HostArray.random(87, -1, 1, 5, 7, 3);
        int d = dim < 0 ? dim + 3 : dim;
        int from = start < 0 ? start + x.shape()[d] : start;
        assertExact("narrow", range(x, d, from, from + length), tensor(x).narrow(dim, start, length));
    }

    @ParameterizedTest(name = "slice(dim {0}, {1}, {2}) is [{3}, {4})")
    @CsvSource({"1, 2, 5, 2, 5", "1, -3, -1, 4, 6", "1, -3, 7, 4, 7", "0, 1, 100, 1, 5", "0, -100, 2, 0, 2",
        "2, 2, 1, 2, 2", "-1, 0, -1, 0, 2", "1, 0, 7, 0, 7"})
    void sliceCountsNegativeBoundsFromTheEndAndClips(int dim, int start, int end, int from, int to) {
        HostArray x = HostArray.random(88, -1, 1, 5, 7, 3);
        assertExact("slice", range(x, dim < 0 ? dim + 3 : dim, from, to), tensor(x).slice(dim, start, end));
    }

    @Test
    void narrowRejectsRangesOutsideTheDimension() {
        Tensor x = tensor(x234);
        assertRejected(IllegalArgumentException.class, () -> x.narrow(1, 2, 2), "narrow", "[2, 4)", shape(2, 3, 4));
        assertRejected(IllegalArgumentException.class, () -> x.narrow(0, -3, 1), "narrow", shape(2, 3, 4));
        assertRejected(IllegalArgumentException.class, () -> x.narrow(2, -1, 2), "narrow", shape(2, 3, 4));
        assertRejected(IllegalArgumentException.class, () -> x.narrow(3, 0, 1), "narrow", "3");
    }

    @ParameterizedTest(name = "cat along {0}")
    @CsvSource({"0", "1", "2", "-1", "-3"})
    void catJoinsAlongAnyDimension(int dim) {
        int d = dim < 0 ? dim + 3 : dim;
        HostArray[] parts = new HostArray[3];
        int[] sizes = {2, 5, 1};
        for (int i = 0; i < parts.length; i++) {
            int[] shape = {3, 4, 2};
            shape[d] = sizes[i];
            parts[i] = HostArray.random(89 + i, -1, 1, shape);
        }
        Tensor joined = Tensors.cat(dim, tensor(parts[0]), tensor(parts[1]), tensor(parts[2]));
        assertExact("cat", concatenate(d, parts), joined);
        assertExact("cat of one", parts[1], Tensors.cat(dim, tensor(parts[1])));
    }

    @Test
    void catRejectsMismatchedShapesNamingBoth() {
        Tensor a = Tensors.ones(2, 3);
        assertRejected(IllegalArgumentException.class, () -> Tensors.cat(0, a, Tensors.ones(2, 4)), "cat", shape(2, 3),
                shape(2, 4));
        assertRejected(IllegalArgumentException.class, () -> Tensors.cat(1, a, Tensors.ones(2, 3, 1)), "cat", shape(2, 3),
                shape(2, 3, 1));
        assertRejected(IllegalArgumentException.class, () -> Tensors.cat(0), "cat");
    }

    @ParameterizedTest(name = "stack along {0}")
    @CsvSource({"0", "1", "2", "-1", "-3"})
    void stackJoinsAlongANewDimension(int dim) {
        int d = dim < 0 ? dim + 3 : dim;
        HostArray[] parts = new HostArray[4];
        HostArray[] unsqueezed = new HostArray[4];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = HostArray.random(93 + i, -1, 1, 3, 5);
            int[] shape = {3, 5};
            int[] withOne = new int[3];
            for (int k = 0, j = 0; k < 3; k++) {
                withOne[k] = k == d ? 1 : shape[j++];
            }
            unsqueezed[i] = parts[i].reshape(withOne);
        }
        Tensor stacked = Tensors.stack(dim, tensor(parts[0]), tensor(parts[1]), tensor(parts[2]), tensor(parts[3]));
        assertExact("stack", concatenate(d, unsqueezed), stacked);
        assertRejected(IllegalArgumentException.class, () -> Tensors.stack(0, tensor(parts[0]), Tensors.ones(5, 3)),
                "stack", shape(3, 5), shape(5, 3));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"3x1, 3x4", "4, 2x3x4", "1x1, 5x7", "1, 129", "2x1x3, 4x2x5x3", "7, 7"})
    void expandRepeatsSizeOneDimensions(String fromText, String toText) {
        int[] from = parseShape(fromText);
        int[] to = parseShape(toText);
        HostArray x = HostArray.random(97, -1, 1, from);
        HostArray expected = HostArray.zip(x, HostArray.zeros(to), (v, zero) -> v);
        assertExact("expand", expected, tensor(x).expand(to));
    }

    @Test
    void expandKeepsSizesGivenAsMinusOne() {
        HostArray x = HostArray.random(98, -1, 1, 3, 1);
        assertExact("expand(2, -1, 4)", HostArray.zip(x, HostArray.zeros(2, 3, 4), (v, zero) -> v),
                tensor(x).expand(2, -1, 4));
    }

    @Test
    void expandRejectsSizesThatAreNotOneNamingBothShapes() {
        Tensor x = Tensors.ones(3, 2);
        assertRejected(IllegalArgumentException.class, () -> x.expand(3, 4), "expand", shape(3, 2), shape(3, 4));
        assertRejected(IllegalArgumentException.class, () -> x.expand(2), "expand", shape(3, 2), shape(2));
        assertRejected(IllegalArgumentException.class, () -> x.expand(2, 3, 3), "expand", shape(3, 2), shape(2, 3, 3));
    }

    @Test
    void movementOpsCarryInt32Values() {
        HostArray host = HostArray.zeros(2, 3, 4);
        int[] values = new int[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 7 - 50;
            host.set(values[i], HostArray.unravel(i, new int[] {2, 3, 4}));
        }
        Tensor ints = intTensor(values, 2, 3, 4);
        assertIntTensor("permute", new int[] {4, 2, 3}, host.permute(2, 0, 1).toInts(), ints.permute(2, 0, 1));
        assertIntTensor("narrow", new int[] {2, 2, 4}, range(host, 1, 1, 3).toInts(), ints.narrow(1, 1, 2));
        assertIntTensor("cat", new int[] {4, 3, 4}, concatenate(0, host, host).toInts(), Tensors.cat(0, ints, ints));
        HostArray column = HostArray.of(new double[] {3, -4}, 2, 1);
        assertIntTensor("expand", new int[] {2, 5}, HostArray.zip(column, HostArray.zeros(2, 5), (v, zero) -> v).toInts(),
                intTensor(new int[] {3, -4}, 2, 1).expand(2, 5));
    }

    /** Entries [from, to) of dim. */
    private static HostArray range(HostArray x, int dim, int from, int to) {
        int[] shape = x.shape();
        shape[dim] = to - from;
        HostArray out = HostArray.zeros(shape);
        for (int flat = 0; flat < out.numel(); flat++) {
            int[] index = HostArray.unravel(flat, shape);
            int[] source = index.clone();
            source[dim] += from;
            out.set(x.get(source), index);
        }
        return out;
    }

    /** The parts one after another along dim. */
    private static HostArray concatenate(int dim, HostArray... parts) {
        int[] shape = parts[0].shape();
        shape[dim] = Arrays.stream(parts).mapToInt(p -> p.shape()[dim]).sum();
        HostArray out = HostArray.zeros(shape);
        int start = 0;
        for (HostArray part : parts) {
            for (int flat = 0; flat < part.numel(); flat++) {
                int[] index = HostArray.unravel(flat, part.shape());
                double value = part.get(index);
                index[dim] += start;
                out.set(value, index);
            }
            start += part.shape()[dim];
        }
        return out;
    }
}
