package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.nn.BatchNorm;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.GlobalAvgPool2d;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.ResidualBlock;
import org.jgrad.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ResidualBlock against a float64 composition of its parts; Module.summary on a small ResNet. */
public class NnResidualSummaryConformance extends NnSupport {

    static Stream<Arguments> blocks() {
        return Stream.of(
                // in channels, out channels, stride, height, width, projection expected
                Arguments.of(4, 4, 1, 6, 5, false),
                Arguments.of(4, 8, 2, 7, 7, true),
                Arguments.of(3, 6, 1, 5, 5, true),
                Arguments.of(5, 5, 2, 9, 8, true));
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void residualBlockIsConvBnReluConvBnPlusShortcutThenRelu(int in, int out, int stride, int h, int w,
                                                             boolean projection) {
        ResidualBlock block = new ResidualBlock(in, out, stride);
        assertEquals(projection, block.hasProjection());
        List<String> expectedKeys = new java.util.ArrayList<>(List.of("conv1.weight", "bn1.weight", "bn1.bias",
                "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked", "conv2.weight", "bn2.weight", "bn2.bias",
                "bn2.running_mean", "bn2.running_var", "bn2.num_batches_tracked"));
        if (projection) {
            expectedKeys.addAll(List.of("downsample.0.weight", "downsample.1.weight", "downsample.1.bias",
                    "downsample.1.running_mean", "downsample.1.running_var", "downsample.1.num_batches_tracked"));
        }
        assertEquals(expectedKeys, List.copyOf(block.stateDict().keySet()), "torchvision's names");
        randomizeNorms(block);
        int n = 2;
        float[] x = randomFloats(n * in * h * w, 60, -1, 1);
        for (boolean training : new boolean[] {false, true}) {
            block.train(training);
            double[] expected = reference(block, doubles(x), n, in, out, stride, h, w, training);
            Tensor y = block.forward(tensor(x, n, in, h, w));
            int oh = (h - 1) / stride + 1;
            int ow = (w - 1) / stride + 1;
            assertArrayEquals(new int[] {n, out, oh, ow}, y.shape());
            assertClose("block training=" + training, expected, y.toFloatArray(), 1e-4, 1e-4);
        }
    }

    /** The block's output computed from its own weights with float64 loops. */
    private static double[] reference(ResidualBlock block, double[] x, int n, int in, int out, int stride, int h, int w,
                                        boolean training) {
        NnReference.Conv first = new NnReference.Conv(n, in, h, w, out, 3, stride, 1, 1, 1, false);
        NnReference.Conv second = new NnReference.Conv(n, out, first.outH(), first.outW(), out, 3, 1, 1, 1, 1, false);
        int inner = first.outH() * first.outW();
        double[] hidden = bn(child(block, "bn1"), NnReference.conv2d(first, x, weight(block, "conv1"), null), n, out, inner,
                training);
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = Math.max(0, hidden[i]);
        }
        double[] main = bn(child(block, "bn2"), NnReference.conv2d(second, hidden, weight(block, "conv2"), null), n, out,
                inner, training);
        double[] shortcut = x;
        if (block.hasProjection()) {
            Module downsample = child(block, "downsample");
            NnReference.Conv projection = new NnReference.Conv(n, in, h, w, out, 1, stride, 0, 1, 1, false);
            shortcut = bn(child(downsample, "1"), NnReference.conv2d(projection, x, weight(downsample, "0"), null), n, out,
                    inner, training);
        }
        for (int i = 0; i < main.length; i++) {
            main[i] = Math.max(0, main[i] + shortcut[i]);
        }
        return main;
    }

    private static double[] bn(Module norm, double[] x, int n, int c, int inner, boolean training) {
        double[][] stats = training ? NnReference.channelStats(x, n, c, inner)
                : new double[][] {doubles(norm.buffer("running_mean")), doubles(norm.buffer("running_var"))};
        return NnReference.batchNorm(x, c, inner, stats[0], stats[1], BatchNorm.DEFAULT_EPS,
                doubles(norm.parameter("weight")), doubles(norm.parameter("bias")));
    }

    private static Module child(Module parent, String name) {
        return parent.children().get(name);
    }

    private static double[] weight(Module parent, String conv) {
        return doubles(child(parent, conv).parameter("weight"));
    }

    /** Non-trivial affine parameters and running statistics in every BatchNorm. */
    private static void randomizeNorms(Module model) {
        long seed = 70;
        for (Module m : model.namedModules().values()) {
            if (m instanceof BatchNorm) {
                int c = m.parameter("weight").numel();
                set(m.parameter("weight"), randomFloats(c, seed++, 0.5, 1.5));
                set(m.parameter("bias"), randomFloats(c, seed++, -0.5, 0.5));
                set(m.buffer("running_mean"), randomFloats(c, seed++, -0.5, 0.5));
                set(m.buffer("running_var"), randomFloats(c, seed++, 0.5, 2));
            }
        }
    }

    @Test
    void summaryListsEveryLayerWithItsOutputShapeAndParameterCount() {
        Sequential model = new Sequential(new Conv2d(3, 8, 3, 1, 1), new BatchNorm2d(8), new ReLU(), new MaxPool2d(2),
                new ResidualBlock(8, 16, 2), new GlobalAvgPool2d(), new Linear(16, 10));
        model.children().get("4").children().get("bn1").eval();
        float[] runningMean = model.stateDict().get("1.running_mean").toFloatArray();
        String text = model.summary(2, 3, 16, 16);
        long conv = 3 * 8 * 3 * 3 + 8;
        long block = 8 * 16 * 9 + 2 * 16 + 16 * 16 * 9 + 2 * 16 + 8 * 16 + 2 * 16;
        assertRow(text, "0 (Conv2d)", "[2, 8, 16, 16]", conv);
        assertRow(text, "1 (BatchNorm2d)", "[2, 8, 16, 16]", 2 * 8);
        assertRow(text, "2 (ReLU)", "[2, 8, 16, 16]", 0);
        assertRow(text, "3 (MaxPool2d)", "[2, 8, 8, 8]", 0);
        assertRow(text, "4 (ResidualBlock)", "[2, 16, 4, 4]", block);
        assertRow(text, "4.conv1 (Conv2d)", "[2, 16, 4, 4]", 8 * 16 * 9);
        assertRow(text, "4.downsample.0 (Conv2d)", "[2, 16, 4, 4]", 8 * 16);
        assertRow(text, "5 (GlobalAvgPool2d)", "[2, 16]", 0);
        assertRow(text, "6 (Linear)", "[2, 10]", 16 * 10 + 10);
        long total = conv + 2 * 8 + block + 16 * 10 + 10;
        assertTrue(text.contains("Total params: " + total), text);
        assertEquals(total, model.parameterCount());
        assertTrue(text.contains("Output: [2, 10]"), text);
        assertArrayEquals(runningMean, model.stateDict().get("1.running_mean").toFloatArray(), "summary changes no state");
        assertTrue(model.isTraining() && model.children().get("1").isTraining(), "training mode restored");
        assertFalse(model.children().get("4").children().get("bn1").isTraining(), "each module's own mode restored");
    }

    @Test
    void summaryFeedsIntegerIndicesToAnEmbeddingModel() {
        Sequential model = new Sequential(new Embedding(10, 4), new Flatten(), new Linear(12, 2));
        String text = model.summary(5, 3);
        assertRow(text, "0 (Embedding)", "[5, 3, 4]", 40);
        assertRow(text, "2 (Linear)", "[5, 2]", 26);
        assertTrue(text.contains("Total params: 66"), text);
    }

    private static void assertRow(String text, String label, String shape, long params) {
        for (String line : text.split("\\R")) {
            if (line.trim().startsWith(label + " ")) {
                assertTrue(line.contains(shape) && line.trim().endsWith(" " + params),
                        "row " + label + " should show " + shape + " and " + params + " parameters:\n" + text);
                return;
            }
        }
        fail("no row " + label + " in\n" + text);
    }
}
