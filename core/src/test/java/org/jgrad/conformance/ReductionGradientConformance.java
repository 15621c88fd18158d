package org.jgrad.conformance;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.stream.Stream;
import org.jgrad.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradients of sum, mean, var, max and min (whole tensor and along dimensions), softmax and logSoftmax. */
public class ReductionGradientConformance extends TensorConformanceSupport {
    private static final int[] CUBE = {3, 4, 5};

    /** Single dimensions of {@code CUBE}, negative ones included, each with and without keepDim. */
    static Stream<Arguments> dimsAndKeepDim() {
        return Stream.of(0, 1, 2, -1, -3).flatMap(d -> Stream.of(arguments(d, true), arguments(d, false)));
    }

    /** Shapes and dimensions for softmax: every dimension of a 3-D tensor, a single row, a long vector. */
    static Stream<Arguments> softmaxCases() {
        return Stream.of(
                arguments(CUBE, 0), arguments(CUBE, 1), arguments(CUBE, 2), arguments(CUBE, -1),
                arguments(new int[] {1, 7}, 1), arguments(new int[] {7, 1}, 1), arguments(new int[] {129}, 0));
    }

    @ParameterizedTest(name = "dim {0} keepDim {1}")
    @MethodSource("dimsAndKeepDim")
    void sumMeanAndVarAlongOneDimension(int dim, boolean keepDim) {
        GradInput x = GradInput.uniform(31, -2, 2, CUBE);
        String args = "(" + dim + ", " + keepDim + ")";
        check("sum" + args, t -> t[0].sum(dim, keepDim), x);
        check("mean" + args, t -> t[0].mean(dim, keepDim), x);
        check("var" + args, t -> t[0].var(dim, keepDim), x);
    }

    @ParameterizedTest(name = "dims {0} keepDim {1}")
    @MethodSource("severalDims")
    void sumMeanAndVarOverSeveralDimensions(int[] dims, boolean keepDim) {
        GradInput x = GradInput.uniform(32, -2, 2, CUBE);
        String args = "(" + Arrays.toString(dims) + ", " + keepDim + ")";
        check("sum" + args, t -> t[0].sum(dims, keepDim), x);
        check("mean" + args, t -> t[0].mean(dims, keepDim), x);
        check("var" + args + " unbiased", t -> t[0].var(dims, 1, keepDim), x);
        check("var" + args + " biased", t -> t[0].var(dims, 0, keepDim), x);
    }

    static Stream<Arguments> severalDims() {
        int[][] dims = {{0, 2}, {-1, 0}, {1, 2}, {0, 1, 2}};
        return Stream.of(dims).flatMap(d -> Stream.of(arguments(d, true), arguments(d, false)));
    }

    @Test
    void wholeTensorReductions() {
        GradInput x = GradInput.uniform(33, -2, 2, CUBE);
        check("sum()", t -> t[0].sum(), x);
        check("mean()", t -> t[0].mean(), x);
        check("sum() of a 0-d tensor", t -> t[0].sum(), GradInput.uniform(34, -2, 2));
        check("sum() of 1000 elements", t -> t[0].sum(), GradInput.uniform(35, -2, 2, 1000));
        check("mean(0) of 1000 elements", t -> t[0].mean(0, false), GradInput.uniform(36, -2, 2, 1000));
        check("var(0) of 129 elements", t -> t[0].var(0, false), GradInput.uniform(37, -2, 2, 129));
    }

    @Test
    void reductionsOverSizeOneDimensions() {
        GradInput x = GradInput.uniform(38, -2, 2, 4, 1, 3);
        check("sum(1) over size 1", t -> t[0].sum(1, false), x);
        check("mean(1) over size 1", t -> t[0].mean(1, true), x);
        check("max(1) over size 1", t -> t[0].max(1, false), x);
        check("var(1, correction 0) over size 1", t -> t[0].var(new int[] {1}, 0, false), x);
    }

    @ParameterizedTest(name = "dim {0} keepDim {1}")
    @MethodSource("dimsAndKeepDim")
    void maxAndMinAlongADimensionPassTheGradientToTheExtreme(int dim, boolean keepDim) {
        GradInput x = GradInput.distinct(39, CUBE);
        check("max(" + dim + ", " + keepDim + ")", t -> t[0].max(dim, keepDim), x);
        check("min(" + dim + ", " + keepDim + ")", t -> t[0].min(dim, keepDim), x);
    }

    @Test
    void maxAndMinOfTheWholeTensor() {
        GradInput x = GradInput.distinct(40, CUBE);
        check("max()", t -> t[0].max(), x);
        check("min()", t -> t[0].min(), x);
        check("max() of 129", t -> t[0].max(), GradInput.distinct(41, 129));
    }

    @ParameterizedTest(name = "{0} dim {1}")
    @MethodSource("softmaxCases")
    void softmaxAndLogSoftmax(int[] shape, int dim) {
        GradInput x = GradInput.uniform(42, -3, 3, shape);
        check("softmax(" + dim + ") of " + Shape.toString(shape), t -> t[0].softmax(dim), x);
        check("logSoftmax(" + dim + ") of " + Shape.toString(shape), t -> t[0].logSoftmax(dim), x);
    }

    @Test
    void softmaxOfLargeLogitsStaysFinite() {
        GradInput x = GradInput.uniform(43, 80, 90, 4, 6);
        check("softmax of logits near 85", t -> t[0].softmax(1), x);
        check("logSoftmax of logits near 85", t -> t[0].logSoftmax(1), x);
    }
}
