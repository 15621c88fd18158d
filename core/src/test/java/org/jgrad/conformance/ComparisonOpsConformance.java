package org.jgrad.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Comparisons (0/1 masks), where, maximum/minimum and clamp, under broadcasting. */
public class ComparisonOpsConformance extends TensorConformanceSupport {

    /** A comparison and its float64 definition. */
    enum Comparison {
        EQ(Tensor::eq, (a, b) -> a == b),
        NE(Tensor::ne, (a, b) -> a != b),
        LT(Tensor::lt, (a, b) -> a < b),
        LE(Tensor::le, (a, b) -> a <= b),
        GT(Tensor::gt, (a, b) -> a > b),
        GE(Tensor::ge, (a, b) -> a >= b);

        final BinaryOperator<Tensor> op;
        final DoubleBiPredicate reference;

        Comparison(BinaryOperator<Tensor> op, DoubleBiPredicate reference) {
            this.op = op;
            this.reference = reference;
        }

        HostArray mask(HostArray a, HostArray b) {
            return HostArray.zip(a, b, (x, y) -> reference.test(x, y) ? 1 : 0);
        }
    }

    interface DoubleBiPredicate {
        boolean test(double a, double b);
    }

    static Stream<Arguments> comparisonCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            ElementwiseOpsConformance.broadcastPairs().forEach(p -> cases.add(Arguments.of(c, shape(p[0]), shape(p[1]), p[0], p[1])));
        }
        return cases.stream();
    }

    /** Small integers, so that ties are frequent and eq/le/ge are tested on equal values. */
    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("comparisonCases")
    void comparisonsGiveZeroOneMasks(Comparison c, String aName, String bName, int[] aShape, int[] bShape) {
        HostArray a = HostArray.randomIntegers(41, -2, 3, aShape);
        HostArray b = HostArray.randomIntegers(42, -2, 3, bShape);
        assertExact(c.name(), c.mask(a, b), c.op.apply(tensor(a), tensor(b)));
    }

    @ParameterizedTest
    @EnumSource(Comparison.class)
    void comparisonsWithNanAreFalseExceptNotEqual(Comparison c) {
        HostArray a = HostArray.of(new float[] {Float.NaN, 1f, Float.NaN, Float.NEGATIVE_INFINITY}, 4);
        HostArray b = HostArray.of(new float[] {1f, Float.NaN, Float.NaN, Float.NEGATIVE_INFINITY}, 4);
        assertExact(c + " with NaN", c.mask(a, b), c.op.apply(tensor(a), tensor(b)));
    }

    @Test
    void comparisonsWithAScalarAndOnInt32() {
        HostArray x = HostArray.random(43, -1, 1, 7, 129);
        assertExact("gt(0.25)", x.map(v -> v > 0.25f ? 1 : 0), tensor(x).gt(0.25f));
        assertExact("lt(-0.5)", x.map(v -> v < -0.5f ? 1 : 0), tensor(x).lt(-0.5f));
        Tensor ints = intTensor(new int[] {-2, 0, 3, 3}, 4);
        HostArray asFloat = HostArray.of(new double[] {-2, 0, 3, 3}, 4);
        assertExact("INT32 ge INT32", asFloat.map(v -> v >= 0 ? 1 : 0), ints.ge(intTensor(new int[] {0}, 1)));
        assertExact("INT32 eq FLOAT32", asFloat.map(v -> v == 3 ? 1 : 0), ints.eq(Tensors.scalar(3f)));
        assertExact("INT32 gt(float)", asFloat.map(v -> v > -0.5 ? 1 : 0), ints.gt(-0.5f));
    }

    @Test
    void whereTakesFromAWhereTheConditionIsNonZero() {
        HostArray cond = HostArray.of(new float[] {-2.5f, 0f, 0.5f}, 3, 1);
        HostArray a = HostArray.random(45, -1, 1, 1, 4);
        HostArray b = HostArray.random(46, 5, 6, new int[0]);
        assertExact("where (3,1) (1,4) scalar", HostArray.where(cond, a, b), tensor(a).where(tensor(cond), tensor(b)));
        HostArray mask = HostArray.randomIntegers(47, 0, 2, 1000);
        HostArray x = HostArray.random(48, -1, 1, 1000);
        HostArray y = HostArray.random(49, -1, 1, 1000);
        assertExact("where 1000", HostArray.where(mask, x, y), tensor(x).where(tensor(mask), tensor(y)));
        assertExact("where with an INT32 condition", HostArray.of(new double[] {1, 7, 1}, 3),
                Tensors.scalar(1f).where(intTensor(new int[] {5, 0, -1}, 3), Tensors.scalar(7f)));
    }

    @Test
    void maximumAndMinimumBroadcastAndPropagateNan() {
        HostArray a = HostArray.randomIntegers(50, -3, 4, 3, 1, 5);
        HostArray b = HostArray.random(51, -3, 3, 4, 1);
        assertExact("maximum", HostArray.zip(a, b, Math::max), tensor(a).maximum(tensor(b)));
        assertExact("minimum", HostArray.zip(a, b, Math::min), tensor(a).minimum(tensor(b)));
        HostArray x = HostArray.of(new float[] {Float.NaN, 2f, -0f, Float.NEGATIVE_INFINITY}, 4);
        HostArray y = HostArray.of(new float[] {1f, Float.NaN, 1f, -5f}, 4);
        assertExact("maximum with NaN", HostArray.of(new double[] {Double.NaN, Double.NaN, 1, -5}, 4),
                tensor(x).maximum(tensor(y)));
        assertExact("minimum with NaN", HostArray.of(new double[] {Double.NaN, Double.NaN, -0.0, Double.NEGATIVE_INFINITY}, 4),
                tensor(x).minimum(tensor(y)));
    }

    @Test
    void clampLimitsToTheRange() {
        for (int[] shape : new int[][] {{1}, {7}, {129, 7}, {1000}}) {
            HostArray x = HostArray.random(52, -3, 3, shape);
            assertExact("clamp(-1, 0.5) " + shape(shape), x.map(v -> Math.min(0.5, Math.max(-1, v))),
                    tensor(x).clamp(-1f, 0.5f));
        }
        HostArray x = HostArray.random(53, -3, 3, 7);
        assertExact("clamp(0.25, 0.25)", x.map(v -> 0.25), tensor(x).clamp(0.25f, 0.25f));
    }

    @Test
    void shapesThatDoNotBroadcastAreRejectedNamingTheOpAndBothShapes() {
        Tensor a = Tensors.ones(2, 3);
        Tensor b = Tensors.ones(4, 3);
        for (Comparison c : Comparison.values()) {
            assertRejected(IllegalArgumentException.class, () -> c.op.apply(a, b),
                    c.name().toLowerCase(java.util.Locale.ROOT), shape(2, 3), shape(4, 3));
        }
        assertRejected(IllegalArgumentException.class, () -> a.maximum(b), "maximum", shape(2, 3), shape(4, 3));
        assertRejected(IllegalArgumentException.class, () -> a.minimum(b), "minimum", shape(2, 3), shape(4, 3));
        assertRejected(IllegalArgumentException.class, () -> b.where(a, Tensors.ones(3)), "where", shape(2, 3), shape(4, 3));
        assertRejected(IllegalArgumentException.class, () -> a.where(Tensors.ones(3), Tensors.ones(5)), "where",
                shape(2, 3), shape(5));
    }
}
