package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Gradients of arithmetic (with broadcasting on each side), unary functions, activations and dropout. */
public class ElementwiseGradientConformance extends TensorConformanceSupport {

    /** Values an input of a given shape may take, kept inside the op's domain and away from its kinks. */
    @FunctionalInterface
    interface Domain {
        GradInput sample(long seed, int[] shape);
    }

    private static final Domain ANY = (seed, shape) -> GradInput.uniform(seed, -1.5, 1.5, shape);
    private static final Domain NONZERO = GradInput::awayFromZero;
    private static final Domain DIVISOR = (seed, shape) -> GradInput.magnitude(seed, 0.5, 2, shape);
    private static final Domain POSITIVE = GradInput::positive;

    enum BinaryCase {
        ADD(Tensor::add, ANY, ANY),
        SUB(Tensor::sub, ANY, ANY),
        MUL(Tensor::mul, ANY, ANY),
        DIV(Tensor::div, ANY, DIVISOR),
        POW(Tensor::pow, POSITIVE, (seed, shape) -> GradInput.uniform(seed, -2, 2, shape));

        final BinaryOperator<Tensor> op;
        final Domain left;
        final Domain right;

        BinaryCase(BinaryOperator<Tensor> op, Domain left, Domain right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }
    }

    enum UnaryCase {
        NEG(Tensor::neg, ANY),
        EXP(Tensor::exp, (seed, shape) -> GradInput.uniform(seed, -2, 2, shape)),
        LOG(Tensor::log, POSITIVE),
        SQRT(Tensor::sqrt, POSITIVE),
        ABS(Tensor::abs, NONZERO),
        RELU(Tensor::relu, NONZERO),
        LEAKY_RELU(x -> x.leakyRelu(0.1f), NONZERO),
        LEAKY_RELU_STEEP(x -> x.leakyRelu(2.5f), NONZERO),
        SIGMOID(Tensor::sigmoid, (seed, shape) -> GradInput.uniform(seed, -4, 4, shape)),
        TANH(Tensor::tanh, (seed, shape) -> GradInput.uniform(seed, -2, 2, shape)),
        GELU(Tensor::gelu, (seed, shape) -> GradInput.uniform(seed, -3, 3, shape));

        final Function<Tensor, Tensor> op;
        final Domain domain;

        UnaryCase(Function<Tensor, Tensor> op, Domain domain) {
            this.op = op;
            this.domain = domain;
        }
    }

    /** Equal shapes, broadcasting on the left, on the right and on both, rank extension, 0-d and size 1. */
    static Stream<Arguments> broadcastPairs() {
        return shapePairs().map(p -> arguments(p[0], p[1]));
    }

    private static Stream<int[][]> shapePairs() {
        return Stream.of(
                new int[][] {{3, 4}, {3, 4}},
                new int[][] {{3, 4}, {4}},
                new int[][] {{4}, {3, 4}},
                new int[][] {{2, 1, 5}, {3, 1}},
                new int[][] {{3, 1}, {2, 1, 5}},
                new int[][] {{}, {2, 3}},
                new int[][] {{2, 3}, {1}},
                new int[][] {{1}, {1}},
                new int[][] {{7, 1}, {1, 129}});
    }

    static Stream<Arguments> binaryCases() {
        return Stream.of(BinaryCase.values()).flatMap(c -> shapePairs().map(p -> arguments(c, p[0], p[1])));
    }

    static Stream<Arguments> unaryCases() {
        int[][] shapes = {{}, {7}, {3, 43}};
        return Stream.of(UnaryCase.values()).flatMap(c -> Stream.of(shapes).map(s -> arguments(c, s)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("binaryCases")
    void binaryOpGradientsReachBothOperands(BinaryCase c, int[] left, int[] right) {
        check(c + " " + Shape.toString(left) + " by " + Shape.toString(right), x -> c.op.apply(x[0], x[1]),
                c.left.sample(11, left), c.right.sample(12, right));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unaryCases")
    void unaryOpGradients(UnaryCase c, int[] shape) {
        check(c + " " + Shape.toString(shape), x -> c.op.apply(x[0]), c.domain.sample(13, shape));
    }

    @Test
    void scalarOperandGradients() {
        GradInput x = GradInput.uniform(14, -1.5, 1.5, 3, 5);
        check("add scalar", t -> t[0].add(2.5f), x);
        check("sub scalar", t -> t[0].sub(-0.75f), x);
        check("mul scalar", t -> t[0].mul(-3f), x);
        check("div scalar", t -> t[0].div(0.4f), x);
    }

    @ParameterizedTest(name = "pow {0}")
    @ValueSource(floats = {2f, 3f, -1.5f, 0.5f, 1f, 0f})
    void powWithScalarExponent(float exponent) {
        check("pow " + exponent, t -> t[0].pow(exponent), GradInput.positive(15, 4, 7));
    }

    @Test
    void clampPassesGradientOnlyInsideTheBounds() {
        GradInput x = GradInput.avoiding(16, -1.5, 1.5, new double[] {-0.5, 0.7}, 6, 9);
        check("clamp(-0.5, 0.7)", t -> t[0].clamp(-0.5f, 0.7f), x);
        check("clamp(-10, 10)", t -> t[0].clamp(-10f, 10f), x);
        check("clamp(0.2, 0.2)", t -> t[0].clamp(0.2f, 0.2f), GradInput.avoiding(17, -1, 1, new double[] {0.2}, 5));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("broadcastPairs")
    void maximumAndMinimumGradientsGoToTheWinner(int[] left, int[] right) {
        GradInput[] ab = GradInput.distinctGroup(18, left, right);
        String shapes = Shape.toString(left) + " by " + Shape.toString(right);
        check("maximum " + shapes, t -> t[0].maximum(t[1]), ab);
        check("minimum " + shapes, t -> t[0].minimum(t[1]), ab);
    }

    @Test
    void maximumSplitsTheGradientEvenlyOnTies() {
        float[] values = randomFloats(10, 19);
        Tensor a = Tensors.fromArray(values, 10).requiresGrad(true);
        Tensor b = Tensors.fromArray(values, 10).requiresGrad(true);
        a.maximum(b).sum().backward();
        double[] half = new double[10];
        Arrays.fill(half, 0.5);
        assertClose("maximum tie, grad of a", half, a.grad().toFloatArray(), 0, 0);
        assertClose("maximum tie, grad of b", half, b.grad().toFloatArray(), 0, 0);
    }

    @Test
    void whereRoutesTheGradientToTheChosenBranch() {
        float[] bits = new float[12];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = i % 3 == 0 || i == 7 ? 1 : 0;
        }
        Tensor cond = Tensors.fromArray(bits, 3, 4);
        check("where both full", t -> t[0].where(cond, t[1]),
                GradInput.uniform(20, -1, 1, 3, 4), GradInput.uniform(21, -1, 1, 3, 4));
        check("where broadcast branches", t -> t[0].where(cond, t[1]),
                GradInput.uniform(22, -1, 1, 3, 1), GradInput.uniform(23, -1, 1, 4));
        check("where scalar branch", t -> t[0].where(cond, t[1]),
                GradInput.uniform(24, -1, 1), GradInput.uniform(25, -1, 1, 2, 3, 4));
        check("where mask from the input", t -> t[0].where(t[0].gt(0f), t[0].mul(0.1f)), GradInput.awayFromZero(26, 5, 6));
    }

    @Test
    void dropoutGradientIsTheMaskTimesTheScale() {
        float p = 0.3f;
        int[] shape = {20, 50};
        float[] xValues = GradInput.awayFromZero(27, shape).values();
        float[] weights = randomFloats(xValues.length, 28);
        float[] maskTimesScale = Tensors.ones(shape).dropout(p, new Generator(42)).toFloatArray();

        Tensor x = Tensors.fromArray(xValues, shape).requiresGrad(true);
        Tensor y = x.dropout(p, new Generator(42));
        y.backward(Tensors.fromArray(weights, shape), false);

        double scale = 1 / (1 - (double) p);
        int kept = 0;
        double[] expectedGrad = new double[xValues.length];
        double[] expectedY = new double[xValues.length];
        for (int i = 0; i < xValues.length; i++) {
            boolean keep = maskTimesScale[i] != 0;
            assertTrue(!keep || Math.abs(maskTimesScale[i] - scale) <= 1e-6 * scale,
                    "dropout mask entry " + i + " is " + maskTimesScale[i] + ", expected 0 or " + scale);
            kept += keep ? 1 : 0;
            expectedGrad[i] = keep ? weights[i] * scale : 0;
            expectedY[i] = keep ? xValues[i] * scale : 0;
        }
        // 1000 draws keeping each with probability 0.7: 700 expected, standard deviation about 14.5
        assertTrue(kept > 620 && kept < 780, "dropout(0.3) kept " + kept + " of 1000");
        assertClose("dropout output", expectedY, y.toFloatArray(), 1e-6, 0);
        assertClose("dropout gradient", expectedGrad, x.grad().toFloatArray(), 1e-6, 0);
    }

    @Test
    void dropoutMaskFollowsTheGeneratorSeed() {
        Tensor ones = Tensors.ones(1000);
        float[] first = ones.dropout(0.5f, new Generator(7)).toFloatArray();
        float[] again = ones.dropout(0.5f, new Generator(7)).toFloatArray();
        float[] other = ones.dropout(0.5f, new Generator(8)).toFloatArray();
        assertTrue(Arrays.equals(first, again), "same seed, same mask");
        assertTrue(!Arrays.equals(first, other), "another seed, another mask");
    }

    @Test
    void dropoutWithZeroProbabilityPassesTheGradientUnchanged() {
        check("dropout(0)", t -> t[0].dropout(0f, new Generator(1)), GradInput.uniform(29, -1, 1, 4, 5));
    }
}
