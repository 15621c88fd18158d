package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** relu, leaky ReLU, sigmoid, tanh, exact GELU, softmax and log-softmax, dropout. */
public class ActivationConformance extends TensorConformanceSupport {

    private static final float[] EDGES = {0f, -0f, 1e-3f, -1e-3f, 1f, -1f, 30f, -30f, 100f, -100f, 1e4f, -1e4f};

    /** An elementwise activation and its float64 definition. */
    enum Activation {
        RELU(Tensor::relu, x -> x > 0 ? x : 0),
        LEAKY_RELU_SMALL(x -> x.leakyRelu(0.01f), x -> x > 0 ? x : 0.01f * x),
        LEAKY_RELU_STEEP(x -> x.leakyRelu(1.5f), x -> x > 0 ? x : 1.5f * x),
        SIGMOID(Tensor::sigmoid, x -> 1 / (1 + Math.exp(-x))),
        TANH(Tensor::tanh, Math::tanh),
        GELU(Tensor::gelu, NnReference::gelu);

        final UnaryOperator<Tensor> op;
        final DoubleUnaryOperator reference;

        Activation(UnaryOperator<Tensor> op, DoubleUnaryOperator reference) {
            this.op = op;
            this.reference = reference;
        }
    }

    @Test
    void referenceErfMatchesKnownValues() {
        assertEquals(0.8427007929497149, NnReference.erf(1), 1e-12);
        assertEquals(-0.9953222650189527, NnReference.erf(-2), 1e-12);
        assertEquals(0.0112834155558496, NnReference.erf(0.01), 1e-12);
        assertEquals(0.9999999845827421, NnReference.erf(4), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationMatchesFloat64(Activation f) {
        for (int[] shape : new int[][] {{1}, {7}, {129}, {10, 100}}) {
            HostArray x = HostArray.random(61, -8, 8, shape);
            assertTensor(f + " on " + shape(shape), x.map(f.reference), f.op.apply(tensor(x)), 1e-5, 1e-6);
        }
        HostArray edges = HostArray.of(EDGES, EDGES.length);
        assertTensor(f + " at the edges", edges.map(f.reference), f.op.apply(tensor(edges)), 1e-5, 1e-6);
    }

    @ParameterizedTest(name = "shape {0}, dim {1}")
    @CsvSource({"7, 0", "7, -1", "3x7x5, 0", "3x7x5, 1", "3x7x5, 2", "3x7x5, -1", "3x7x5, -2", "3x7x5, -3",
        "2x129, 1", "1000, 0", "4x1, 1", "4x1, 0"})
    void softmaxAndLogSoftmaxMatchFloat64AlongAnyDim(String shapeText, int dim) {
        int[] shape = parseShape(shapeText);
        HostArray x = HostArray.random(62, -6, 6, shape);
        int d = dim < 0 ? dim + shape.length : dim;
        Tensor softmax = tensor(x).softmax(dim);
        assertTensor("softmax", x.mapLanes(d, NnReference::softmax), softmax, 1e-5, 1e-7);
        assertTensor("logSoftmax", x.mapLanes(d, NnReference::logSoftmax), tensor(x).logSoftmax(dim), 1e-5, 1e-5);
        HostArray lanes = HostArray.of(softmax.toFloatArray(), shape).reduce(d, false, lane -> Arrays.stream(lane).sum());
        for (double sum : lanes.data()) {
            assertEquals(1.0, sum, 1e-5, "softmax lanes sum to 1");
        }
    }

    @Test
    void softmaxIsFiniteForHugeLogitsAndUniformForIdenticalOnes() {
        HostArray x = HostArray.of(new float[] {1e4f, -1e4f, 0f, 9999f, 3f,
            -1e4f, -1e4f, -1e4f, -1e4f, -1e4f,
            42f, 42f, 42f, 42f, 42f}, 3, 5);
        Tensor softmax = tensor(x).softmax(1);
        Tensor logSoftmax = tensor(x).logSoftmax(-1);
        for (float v : softmax.toFloatArray()) {
            assertTrue(Float.isFinite(v), "softmax " + softmax);
        }
        for (float v : logSoftmax.toFloatArray()) {
            assertTrue(Float.isFinite(v), "logSoftmax " + logSoftmax);
        }
        assertTensor("softmax", x.mapLanes(1, NnReference::softmax), softmax, 1e-5, 1e-7);
        assertTensor("logSoftmax", x.mapLanes(1, NnReference::logSoftmax), logSoftmax, 1e-5, 1e-4);
        float[] rows = softmax.toFloatArray();
        for (int j = 5; j < 15; j++) {
            assertEquals(0.2f, rows[j], 1e-6f, "identical logits share equally");
        }
    }

    @Test
    void softmaxRejectsADimOutOfRange() {
        Tensor x = tensor(HostArray.random(63, -1, 1, 2, 3));
        assertRejected(IllegalArgumentException.class, () -> x.softmax(2), "softmax", "2");
        assertRejected(IllegalArgumentException.class, () -> x.logSoftmax(-3), "logSoftmax", "-3");
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(floats = {0.1f, 0.3f, 0.5f, 0.9f})
    void dropoutKeepsAboutOneMinusPAndScalesWhatItKeeps(float p) {
        HostArray x = HostArray.random(64, 1, 2, 100, 1000);
        float[] out = tensor(x).dropout(p, new Generator(65)).toFloatArray();
        double scale = 1 / (1 - (double) p);
        double[] in = x.data();
        int kept = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] != 0) {
                kept++;
                assertEquals(in[i] * scale, out[i], 1e-6 * in[i] * scale, "kept value " + i);
            }
        }
        assertEquals(1 - p, kept / (double) out.length, 0.01, "keep rate");
    }

    @Test
    void dropoutWithZeroProbabilityIsIdentity() {
        HostArray x = HostArray.random(66, -1, 1, 7, 129);
        assertExact("dropout(0)", x, tensor(x).dropout(0f, new Generator(1)));
    }

    @Test
    void dropoutMaskFollowsTheGenerator() {
        HostArray x = HostArray.random(67, 1, 2, 1000);
        Generator generator = new Generator(68);
        float[] first = tensor(x).dropout(0.5f, generator).toFloatArray();
        float[] second = tensor(x).dropout(0.5f, generator).toFloatArray();
        assertFalse(Arrays.equals(first, second), "a generator's second draw should give another mask");
        assertArrayEquals(first, tensor(x).dropout(0.5f, new Generator(68)).toFloatArray(), "same seed, same mask");
        assertArrayEquals(second, tensor(x.map(v -> v)).dropout(0.5f, advanced(68, 1000)).toFloatArray(),
                "the second mask is the seed's stream from where the first ended");
    }

    @Test
    void dropoutRejectsAProbabilityOutsideZeroToOneInclusive() {
        Tensor x = tensor(HostArray.random(69, -1, 1, 3));
        assertRejected(IllegalArgumentException.class, () -> x.dropout(1.5f, new Generator(0)), "dropout", "1.5");
        assertRejected(IllegalArgumentException.class, () -> x.dropout(-0.1f, new Generator(0)), "dropout", "-0.1");
    }

    private static Generator advanced(long seed, long count) {
        Generator generator = new Generator(seed);
        generator.advance(count);
        return generator;
    }
}
