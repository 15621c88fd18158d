package org.jgrad.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** add/sub/mul/div/pow with tensors and scalars under broadcasting, the unary math functions, INT32 operands. */
public class ElementwiseOpsConformance extends TensorConformanceSupport {

    /** A binary arithmetic op: its two call forms, its float64 definition, the operand ranges it is tested on. */
    enum Arith {
        ADD(Tensor::add, Tensor::add, (a, b) -> a + b, -4, 4, -4, 4, 1e-6),
        SUB(Tensor::sub, Tensor::sub, (a, b) -> a - b, -4, 4, -4, 4, 1e-6),
        MUL(Tensor::mul, Tensor::mul, (a, b) -> a * b, -4, 4, -4, 4, 1e-6),
        DIV(Tensor::div, Tensor::div, (a, b) -> a / b, -4, 4, 0.25, 4, 1e-6),
        POW(Tensor::pow, Tensor::pow, Math::pow, 0.05, 3, -2.5, 2.5, 1e-5);

        final BinaryOperator<Tensor> withTensor;
        final BiFunction<Tensor, Float, Tensor> withScalar;
        final DoubleBinaryOperator reference;
        final double leftLo;
        final double leftHi;
        final double rightLo;
        final double rightHi;
        final double rtol;

        Arith(BinaryOperator<Tensor> withTensor, BiFunction<Tensor, Float, Tensor> withScalar,
              DoubleBinaryOperator reference, double leftLo, double leftHi, double rightLo, double rightHi, double rtol) {
            this.withTensor = withTensor;
            this.withScalar = withScalar;
            this.reference = reference;
            this.leftLo = leftLo;
            this.leftHi = leftHi;
            this.rightLo = rightLo;
            this.rightHi = rightHi;
            this.rtol = rtol;
        }

        String opName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        HostArray left(long seed, int... shape) {
            return HostArray.random(seed, leftLo, leftHi, shape);
        }

        /** Right operands; divisors get a random sign but stay at least 0.25 away from zero. */
        HostArray right(long seed, int... shape) {
            HostArray values = HostArray.random(seed, rightLo, rightHi, shape);
            if (this != DIV) {
                return values;
            }
            HostArray signs = HostArray.random(seed + 1, -1, 1, shape);
            return HostArray.zip(values, signs, (v, s) -> s < 0 ? -v : v);
        }
    }

    /** Shape pairs: equal, scalar either side, row, column, outer product, rank-4 with ones, odd sizes. */
    static Stream<int[][]> broadcastPairs() {
        return Stream.of(
                new int[][] {{7}, {7}},
                new int[][] {{1000}, {1000}},
                new int[][] {{2, 3}, {2, 3}},
                new int[][] {{}, {3, 4}},
                new int[][] {{3, 4}, {}},
                new int[][] {{1}, {7}},
                new int[][] {{4}, {3, 4}},
                new int[][] {{1, 5}, {4, 5}},
                new int[][] {{3, 1}, {3, 4}},
                new int[][] {{3, 1}, {1, 4}},
                new int[][] {{2, 1, 3, 1}, {1, 4, 1, 5}},
                new int[][] {{129, 1}, {1, 7}},
                new int[][] {{2, 3, 1, 5}, {1}});
    }

    static Stream<Arguments> arithmeticCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Arith op : Arith.values()) {
            broadcastPairs().forEach(p -> cases.add(Arguments.of(op, shape(p[0]), shape(p[1]), p[0], p[1])));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("arithmeticCases")
    void binaryArithmeticBroadcasts(Arith op, String aName, String bName, int[] aShape, int[] bShape) {
        HostArray a = op.left(31, aShape);
        HostArray b = op.right(32, bShape);
        assertTensor(op.opName(), HostArray.zip(a, b, op.reference), op.withTensor.apply(tensor(a), tensor(b)),
                op.rtol, 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Arith.class)
    void scalarOperandIsBroadcastToEveryElement(Arith op) {
        for (int[] shape : new int[][] {{}, {7}, {3, 129}}) {
            HostArray a = op.left(33, shape);
            for (double value : op.right(34, 3).data()) {
                assertTensor(op.opName() + "(" + value + ") on " + shape(shape), a.map(x -> op.reference.applyAsDouble(x, value)),
                        op.withScalar.apply(tensor(a), (float) value), op.rtol, 1e-6);
            }
        }
    }

    @Test
    void divisionAndPowerFollowIeeeAtTheEdges() {
        float[] a = {1f, -1f, 0f, -2f, 2f, 0f, -8f, 0f, 3f};
        float[] b = {0f, 0f, 0f, 3f, 0.5f, -1f, 1f / 3, 0f, -0f};
        HostArray ha = HostArray.of(a, a.length);
        HostArray hb = HostArray.of(b, b.length);
        Tensor ta = tensor(ha);
        Tensor tb = tensor(hb);
        assertTensor("div", HostArray.zip(ha, hb, (x, y) -> x / y), ta.div(tb), 1e-6, 0);
        assertTensor("pow", HostArray.zip(ha, hb, Math::pow), ta.pow(tb), 1e-6, 0);
    }

    @Test
    void squareAndSquareRootPowersOfNegativeAndPositiveBases() {
        HostArray x = HostArray.random(35, -3, 3, 129);
        assertTensor("pow(2)", x.map(v -> v * v), tensor(x).pow(2f), 1e-6, 1e-7);
        assertTensor("pow(3)", x.map(v -> v * v * v), tensor(x).pow(3f), 1e-6, 1e-7);
        assertTensor("pow(0.5)", x.map(v -> Math.pow(v, 0.5)), tensor(x).pow(0.5f), 1e-6, 1e-7);
        assertTensor("pow(-1)", x.map(v -> 1 / v), tensor(x).pow(-1f), 1e-6, 1e-7);
    }

    /** A unary math function, its float64 definition and the domain it is tested on. */
    enum MathFunction {
        NEG(Tensor::neg, x -> -x, -5, 5),
        EXP(Tensor::exp, Math::exp, -10, 10),
        LOG(Tensor::log, Math::log, 1e-3, 100),
        SQRT(Tensor::sqrt, Math::sqrt, 0, 100),
        ABS(Tensor::abs, Math::abs, -5, 5);

        final UnaryOperator<Tensor> op;
        final DoubleUnaryOperator reference;
        final double lo;
        final double hi;

        MathFunction(UnaryOperator<Tensor> op, DoubleUnaryOperator reference, double lo, double hi) {
            this.op = op;
            this.reference = reference;
            this.lo = lo;
            this.hi = hi;
        }
    }

    @ParameterizedTest
    @EnumSource(MathFunction.class)
    void unaryMathMatchesFloat64(MathFunction f) {
        for (int[] shape : new int[][] {{1}, {7}, {129}, {1000}, {2, 3, 4}, {}}) {
            HostArray x = HostArray.random(36 + shape.length, f.lo, f.hi, shape);
            assertTensor(f + " on " + shape(shape), x.map(f.reference), f.op.apply(tensor(x)), 1e-6, 1e-7);
        }
    }

    @ParameterizedTest
    @EnumSource(MathFunction.class)
    void unaryMathFollowsIeeeAtTheEdges(MathFunction f) {
        float[] edges = {0f, -0f, -1f, 1e-30f, 100f, -200f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        HostArray x = HostArray.of(edges, edges.length);
        HostArray expected = x.map(v -> (float) f.reference.applyAsDouble(v));
        assertTensor(f + " at the edges", expected, f.op.apply(tensor(x)), 1e-6, 0);
    }

    @Test
    void int32OperandsAreReadAsFloat() {
        int[] ints = {7, -3, 0, 12, 5, -8};
        HostArray asFloat = HostArray.of(new double[] {7, -3, 0, 12, 5, -8}, 2, 3);
        Tensor i = intTensor(ints, 2, 3);
        HostArray f = HostArray.random(37, -2, 2, 3);
        assertTensor("INT32 + FLOAT32", HostArray.zip(asFloat, f, Double::sum), i.add(tensor(f)), 1e-6, 1e-7);
        assertTensor("FLOAT32 * INT32", HostArray.zip(f, asFloat, (x, y) -> x * y), tensor(f).mul(i), 1e-6, 1e-7);
        assertTensor("INT32 / INT32 divides exactly", asFloat.map(x -> x / 2), i.div(intTensor(new int[] {2}, 1)), 1e-6, 0);
        assertTensor("INT32 - scalar", asFloat.map(x -> x - 0.5), i.sub(0.5f), 1e-6, 0);
        assertTensor("INT32 neg via mul", asFloat.map(x -> -x), i.mul(-1f), 0, 0);
    }

    @ParameterizedTest
    @EnumSource(Arith.class)
    void shapesThatDoNotBroadcastAreRejectedNamingTheOpAndBothShapes(Arith op) {
        int[][][] bad = {{{2, 3}, {4, 3}}, {{5}, {2, 3}}, {{2, 1, 3}, {4, 2}}};
        for (int[][] pair : bad) {
            Tensor a = Tensors.ones(pair[0]);
            Tensor b = Tensors.ones(pair[1]);
            assertRejected(IllegalArgumentException.class, () -> op.withTensor.apply(a, b),
                    op.opName(), shape(pair[0]), shape(pair[1]));
        }
    }
}
