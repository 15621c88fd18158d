package org.jgrad.conformance;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sum, mean, var, max, min, argmax, argmin: along one dim, several dims, and over everything. */
public class ReductionOpsConformance extends TensorConformanceSupport {

    /** A reduction along one dim: how to call it and its float64 definition over one lane. */
    enum Reduction {
        SUM((x, d, keep) -> x.sum(d, keep), ReductionOpsConformance::sum),
        MEAN((x, d, keep) -> x.mean(d, keep), lane -> sum(lane) / lane.length),
        MAX((x, d, keep) -> x.max(d, keep), lane -> Arrays.stream(lane).max().orElseThrow()),
        MIN((x, d, keep) -> x.min(d, keep), lane -> Arrays.stream(lane).min().orElseThrow()),
        VAR_UNBIASED((x, d, keep) -> x.var(d, keep), lane -> variance(lane, 1)),
        VAR_CORRECTION_0((x, d, keep) -> x.var(new int[] {d}, 0, keep), lane -> variance(lane, 0));

        final AlongDim op;
        final ToDoubleFunction<double[]> reference;

        Reduction(AlongDim op, ToDoubleFunction<double[]> reference) {
            this.op = op;
            this.reference = reference;
        }
    }

    interface AlongDim {
        Tensor apply(Tensor x, int dim, boolean keepDim);
    }

    @ParameterizedTest(name = "shape {0}, dim {1}, keepDim {2}")
    @CsvSource({"3x7x5, 0, true", "3x7x5, 1, false", "3x7x5, 2, true", "3x7x5, -1, false", "3x7x5, -3, true",
        "1000, 0, false", "1000, -1, true", "129x7, 0, false", "129x7, 1, true", "1x7, 0, false", "7x1, 1, false",
        "2x3x4x5, 2, false"})
    void reductionsAlongOneDimMatchFloat64(String shapeText, int dim, boolean keepDim) {
        int[] shape = parseShape(shapeText);
        int d = dim < 0 ? dim + shape.length : dim;
        HostArray x = HostArray.random(71, -1, 1, shape);
        double atol = 1e-6 * largestAbsSum(x, d);
        for (Reduction r : Reduction.values()) {
            if (r == Reduction.VAR_UNBIASED && shape[d] == 1) {
                continue;
            }
            assertTensor(r + " dim " + dim, x.reduce(d, keepDim, r.reference), r.op.apply(tensor(x), dim, keepDim),
                    1e-5, atol);
        }
    }

    @ParameterizedTest(name = "shape {0}, dim {1}, keepDim {2}")
    @CsvSource({"3x7x5, 0, true", "3x7x5, 1, false", "3x7x5, -1, false", "1000, 0, false", "129x7, 1, true",
        "1x7, 0, true"})
    void argmaxAndArgminGiveTheFirstIndexOfTheExtreme(String shapeText, int dim, boolean keepDim) {
        int[] shape = parseShape(shapeText);
        int d = dim < 0 ? dim + shape.length : dim;
        HostArray x = HostArray.randomIntegers(72, -3, 4, shape);
        HostArray argmax = x.reduce(d, keepDim, lane -> firstIndexOf(lane, Arrays.stream(lane).max().orElseThrow()));
        HostArray argmin = x.reduce(d, keepDim, lane -> firstIndexOf(lane, Arrays.stream(lane).min().orElseThrow()));
        assertIntTensor("argmax", argmax.shape(), argmax.toInts(), tensor(x).argmax(dim, keepDim));
        assertIntTensor("argmin", argmin.shape(), argmin.toInts(), tensor(x).argmin(dim, keepDim));
        assertExact("max with ties", x.reduce(d, keepDim, lane -> Arrays.stream(lane).max().orElseThrow()),
                tensor(x).max(dim, keepDim));
    }

    @Test
    void argReductionsReadInt32AsFloat() {
        Tensor labels = intTensor(new int[] {4, 9, 9, -2, 0, 3}, 2, 3);
        assertIntTensor("argmax of INT32", new int[] {2}, new int[] {1, 2}, labels.argmax(1, false));
        assertIntTensor("argmin of INT32", new int[] {1, 3}, new int[] {1, 1, 1}, labels.argmin(0, true));
    }

    @Test
    void maxMinAndTheirIndicesTreatNanAsTheExtreme() {
        HostArray x = HostArray.of(new float[] {1f, Float.NaN, 3f, -2f, 5f, 0f}, 2, 3);
        assertExact("max", HostArray.of(new double[] {Double.NaN, 5}, 2), tensor(x).max(1, false));
        assertExact("min", HostArray.of(new double[] {Double.NaN, -2}, 2), tensor(x).min(1, false));
        assertIntTensor("argmax", new int[] {2}, new int[] {1, 1}, tensor(x).argmax(1, false));
        assertIntTensor("argmin", new int[] {2}, new int[] {1, 0}, tensor(x).argmin(1, false));
    }

    @ParameterizedTest(name = "dims {0}, keepDim {1}")
    @CsvSource({"0 2, true", "0 2, false", "-1 0, false", "1 2, true", "0 1 2, false", "2, false"})
    void sumMeanAndVarOverSeveralDims(String dimsText, boolean keepDim) {
        int[] dims = parseInts(dimsText);
        int[] normalized = Arrays.stream(dims).map(d -> d < 0 ? d + 3 : d).toArray();
        HostArray x = HostArray.random(73, -1, 1, 3, 7, 5);
        double atol = 1e-6 * Arrays.stream(x.data()).map(Math::abs).sum();
        assertTensor("sum", x.reduce(normalized, keepDim, ReductionOpsConformance::sum), tensor(x).sum(dims, keepDim),
                1e-5, atol);
        assertTensor("mean", x.reduce(normalized, keepDim, lane -> sum(lane) / lane.length),
                tensor(x).mean(dims, keepDim), 1e-5, 1e-6);
        for (int correction : new int[] {0, 1}) {
            assertTensor("var correction " + correction, x.reduce(normalized, keepDim, lane -> variance(lane, correction)),
                    tensor(x).var(dims, correction, keepDim), 1e-5, 1e-6);
        }
    }

    @ParameterizedTest(name = "shape {0}")
    @CsvSource({"1000", "3x7x5", "1", "1x1x1", "129x7"})
    void fullReductionsGiveScalars(String shapeText) {
        int[] shape = parseShape(shapeText);
        HostArray x = HostArray.random(74, -1, 1, shape);
        double[] v = x.data();
        double atol = 1e-6 * Arrays.stream(v).map(Math::abs).sum();
        HostArray sumAll = HostArray.of(new double[] {sum(v)});
        assertTensor("sum()", sumAll, tensor(x).sum(), 1e-5, atol);
        assertTensor("mean()", HostArray.of(new double[] {sum(v) / v.length}), tensor(x).mean(), 1e-5, 1e-6);
        assertExact("max()", HostArray.of(new double[] {Arrays.stream(v).max().orElseThrow()}), tensor(x).max());
        assertExact("min()", HostArray.of(new double[] {Arrays.stream(v).min().orElseThrow()}), tensor(x).min());
    }

    @Test
    void reductionsOfAScalarAndOfInt32() {
        HostArray s = HostArray.of(new double[] {-1.5});
        assertExact("sum() of a scalar", s, tensor(s).sum());
        assertExact("max() of a scalar", s, tensor(s).max());
        Tensor ints = intTensor(new int[] {4, 9, 8, -2, 0, 11}, 2, 3);
        assertExact("sum of INT32", HostArray.of(new double[] {2, 9, 19}, 3), ints.sum(0, false));
        assertTensor("mean of INT32", HostArray.of(new double[] {5}), ints.mean(), 1e-6, 0);
    }

    @Test
    void badDimensionsAreRejected() {
        Tensor x = tensor(HostArray.random(75, -1, 1, 2, 3, 4));
        assertRejected(IllegalArgumentException.class, () -> x.sum(3, false), "sum", "3", "rank 3");
        assertRejected(IllegalArgumentException.class, () -> x.mean(-4, true), "mean", "-4");
        assertRejected(IllegalArgumentException.class, () -> x.max(5, true), "max", "5");
        assertRejected(IllegalArgumentException.class, () -> x.argmin(3, true), "argmin", "3");
        assertRejected(IllegalArgumentException.class, () -> x.sum(new int[] {0, -3}, true), "sum", "twice");
    }

    static double sum(double[] lane) {
        double s = 0;
        for (double v : lane) {
            s += v;
        }
        return s;
    }

    static double variance(double[] lane, int correction) {
        double mean = sum(lane) / lane.length;
        double squares = 0;
        for (double v : lane) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (lane.length - correction);
    }

    private static double firstIndexOf(double[] lane, double value) {
        for (int i = 0; i < lane.length; i++) {
            if (lane[i] == value) {
                return i;
            }
        }
        throw new AssertionError("value not in lane");
    }
}
