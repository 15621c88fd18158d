package org.jgrad.conformance;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** conv2d, maxPool2d and avgPool2d against direct float64 loops, and their shape errors. */
public class ConvolutionConformance extends TensorConformanceSupport {

    @ParameterizedTest(name = "x {0}x{1}x{2}x{3}, w {4}x{5}x{6}, stride {7}, pad {8}, dilation {9}, groups {10}, bias {11}")
    @CsvSource({
        // N, C, H, W, O, kH, kW, stride, padding, dilation, groups, bias
        "1, 1, 5, 5, 1, 3, 3, 1, 0, 1, 1, false",
        "2, 3, 7, 6, 4, 3, 3, 1, 1, 1, 1, true",
        "2, 4, 9, 8, 6, 3, 2, 2, 1, 1, 2, true",
        "1, 3, 10, 11, 5, 3, 3, 2, 2, 2, 1, false",
        "3, 6, 5, 6, 6, 1, 1, 1, 0, 1, 6, true",
        "2, 4, 6, 7, 8, 3, 3, 1, 1, 1, 4, false",
        "1, 2, 1, 7, 3, 1, 3, 1, 1, 1, 1, true",
        "2, 3, 13, 9, 2, 5, 4, 3, 2, 1, 1, true",
        "1, 8, 12, 10, 4, 3, 3, 2, 3, 3, 2, true",
        "4, 16, 15, 17, 8, 3, 3, 1, 1, 1, 1, true"})
    void conv2dMatchesTheDirectSum(int n, int c, int h, int w, int o, int kh, int kw, int stride, int padding,
                                   int dilation, int groups, boolean withBias) {
        HostArray x = HostArray.random(111, -1, 1, n, c, h, w);
        HostArray weight = HostArray.random(112, -1, 1, o, c / groups, kh, kw);
        HostArray bias = withBias ? HostArray.random(113, -1, 1, o) : null;
        HostArray expected = conv2d(x, weight, bias, stride, padding, dilation, groups);
        Tensor out = tensor(x).conv2d(tensor(weight), withBias ? tensor(bias) : null, stride, padding, dilation, groups);
        assertTensor("conv2d", expected, out, 1e-5, 1e-6 * (c / groups) * kh * kw);
        if (dilation == 1 && groups == 1) {
            Tensor short4 = tensor(x).conv2d(tensor(weight), withBias ? tensor(bias) : null, stride, padding);
            assertTensor("conv2d(weight, bias, stride, padding)", expected, short4, 1e-5, 1e-6 * c * kh * kw);
        }
    }

    @ParameterizedTest(name = "x {0}x{1}x{2}x{3}, kernel {4}, stride {5}, padding {6}")
    @CsvSource({
        // N, C, H, W, kernel, stride, padding
        "1, 1, 4, 4, 2, 2, 0",
        "2, 3, 7, 6, 3, 2, 1",
        "2, 2, 9, 8, 3, 1, 1",
        "1, 3, 5, 11, 2, 3, 1",
        "3, 1, 1, 7, 1, 1, 0",
        "2, 2, 6, 6, 4, 4, 2",
        "1, 1, 13, 13, 5, 3, 2",
        "2, 4, 32, 30, 2, 2, 0"})
    void poolingMatchesDirectLoops(int n, int c, int h, int w, int kernel, int stride, int padding) {
        HostArray x = HostArray.random(114, -3, 3, n, c, h, w);
        assertExact("maxPool2d", pool(x, kernel, stride, padding, true), tensor(x).maxPool2d(kernel, stride, padding));
        assertTensor("avgPool2d", pool(x, kernel, stride, padding, false), tensor(x).avgPool2d(kernel, stride, padding),
                1e-5, 1e-6);
    }

    /**
     * Ops write their outputs into storage allocated uninitialised; a backend that recycles memory
     * hands back what was freed before. Buffers of every size the ops allocate here (columns,
     * windows, outputs; the larger ones 64K+ elements) are filled with NaN and freed first.
     */
    @Test
    void resultsDoNotDependOnRecycledMemory() {
        HostArray x = HostArray.random(116, -1, 1, 4, 16, 32, 32);
        HostArray weight = HostArray.random(117, -1, 1, 8, 16, 3, 3);
        int columns = 4 * 16 * 9 * 32 * 32;
        int windows = 4 * 16 * 4 * 16 * 16;
        freeNaNBuffers(columns, columns, 4 * 8 * 32 * 32, windows, windows, 4 * 16 * 16 * 16, 4 * 16 * 16 * 16);
        assertTensor("conv2d", conv2d(x, weight, null, 1, 1, 1, 1), tensor(x).conv2d(tensor(weight), null, 1, 1),
                1e-5, 1e-6 * 16 * 9);
        assertExact("maxPool2d", pool(x, 2, 2, 0, true), tensor(x).maxPool2d(2, 2, 0));
        assertTensor("avgPool2d", pool(x, 2, 2, 0, false), tensor(x).avgPool2d(2, 2, 0), 1e-5, 1e-6);
    }

    private void freeNaNBuffers(int... lengths) {
        Buffer[] buffers = new Buffer[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            buffers[i] = backend().allocate(DType.FLOAT32, lengths[i]);
            backend().fill(buffers[i], Float.NaN);
        }
        for (Buffer buffer : buffers) {
            backend().free(buffer);
        }
    }

    @Test
    void maxPoolingNeverPicksThePadding() {
        HostArray negative = HostArray.random(115, -5, -1, 1, 2, 5, 5);
        assertExact("maxPool2d of negatives", pool(negative, 3, 2, 1, true), tensor(negative).maxPool2d(3, 2, 1));
    }

    @Test
    void conv2dRejectsShapesThatDoNotFitNamingThem() {
        Tensor x = Tensors.ones(2, 3, 7, 7);
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(7, 7).conv2d(Tensors.ones(4, 3, 3, 3), null, 1, 0),
                "conv2d", shape(7, 7), shape(4, 3, 3, 3));
        assertRejected(IllegalArgumentException.class, () -> x.conv2d(Tensors.ones(4, 2, 3, 3), null, 1, 0),
                "conv2d", shape(2, 3, 7, 7), shape(4, 2, 3, 3));
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(2, 4, 7, 7).conv2d(Tensors.ones(3, 2, 3, 3), null,
                1, 0, 1, 2), "conv2d", shape(2, 4, 7, 7), shape(3, 2, 3, 3), "groups=2");
        assertRejected(IllegalArgumentException.class, () -> x.conv2d(Tensors.ones(4, 3, 3, 3), Tensors.ones(5), 1, 0),
                "conv2d", shape(5), "4");
        assertRejected(IllegalArgumentException.class, () -> x.conv2d(Tensors.ones(4, 3, 9, 9), null, 1, 0), "9", "7");
        assertRejected(IllegalArgumentException.class, () -> x.conv2d(Tensors.ones(4, 3, 3, 3), null, 0, 0), "stride");
    }

    @Test
    void poolingRejectsBadArgumentsNamingThem() {
        Tensor x = Tensors.ones(2, 3, 7, 7);
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(7, 7).maxPool2d(2, 2, 0), "maxPool2d",
                shape(7, 7));
        assertRejected(IllegalArgumentException.class, () -> x.avgPool2d(2, 2, 2), "avgPool2d", "padding 2");
        assertRejected(IllegalArgumentException.class, () -> x.maxPool2d(9, 1, 0), "9", "7");
    }

    @Test
    void int32InputsAreRejectedNamingTheOp() {
        Tensor ints = intTensor(new int[2 * 3 * 5 * 5], 2, 3, 5, 5);
        Tensor weight = Tensors.ones(4, 3, 3, 3);
        assertRejected(IllegalArgumentException.class, () -> ints.conv2d(weight, null, 1, 0), "conv2d", "INT32");
        assertRejected(IllegalArgumentException.class, () -> Tensors.ones(2, 3, 5, 5).conv2d(intTensor(new int[108], 4, 3, 3, 3),
                null, 1, 0), "conv2d", "INT32");
        assertRejected(IllegalArgumentException.class, () -> ints.maxPool2d(2, 2, 0), "maxPool2d", "INT32");
        assertRejected(IllegalArgumentException.class, () -> ints.avgPool2d(2, 2, 0), "avgPool2d", "INT32");
    }

    /**
     * out[n][o][i][j] = bias[o] + sum over the group's channels and the kernel of x * w, in float64
     * ({@link NnReference#conv2d}).
     */
    static HostArray conv2d(HostArray x, HostArray w, HostArray bias, int stride, int padding, int dilation, int groups) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        double[] out = NnReference.conv2d(xs, x.data(), ws, w.data(), bias == null ? null : bias.data(), stride, padding,
                dilation, groups);
        return HostArray.of(out, xs[0], ws[0], NnReference.outSize(xs[2], ws[2], stride, padding, dilation),
                NnReference.outSize(xs[3], ws[3], stride, padding, dilation));
    }

    /** Max (padding never wins) or mean (padding counts as zeros in a kernel x kernel divisor) over each window. */
    static HostArray pool(HostArray x, int kernel, int stride, int padding, boolean max) {
        int[] xs = x.shape();
        double[] out = NnReference.pool2d(x.data(), xs[0] * xs[1], xs[2], xs[3], kernel, stride, padding, max);
        return HostArray.of(out, xs[0], xs[1], NnReference.outSize(xs[2], kernel, stride, padding, 1),
                NnReference.outSize(xs[3], kernel, stride, padding, 1));
    }
}
