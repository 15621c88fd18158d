package org.jgrad.conformance;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.jgrad.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradients of matmul (every promotion and batch broadcast), conv2d and the pooling ops. */
public class LinearAlgebraGradientConformance extends TensorConformanceSupport {

    static Stream<Arguments> matmulShapes() {
        return Stream.of(
                arguments(new int[] {3, 4}, new int[] {4, 5}),
                arguments(new int[] {1, 1}, new int[] {1, 1}),
                arguments(new int[] {7, 129}, new int[] {129, 1}),
                arguments(new int[] {2, 3, 4}, new int[] {2, 4, 5}),
                // batch dimensions broadcast: size 1 against 3, and a missing leading dimension
                arguments(new int[] {2, 1, 3, 4}, new int[] {3, 4, 5}),
                arguments(new int[] {3, 4}, new int[] {2, 4, 5}),
                arguments(new int[] {2, 3, 4}, new int[] {4, 5}),
                // 1-D operands: dot product, vector-matrix, matrix-vector, batched on either side
                arguments(new int[] {6}, new int[] {6}),
                arguments(new int[] {4}, new int[] {4, 5}),
                arguments(new int[] {3, 4}, new int[] {4}),
                arguments(new int[] {2, 3, 4}, new int[] {4}),
                arguments(new int[] {4}, new int[] {2, 4, 5}));
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("matmulShapes")
    void matmulGradientsReachBothOperands(int[] left, int[] right) {
        check("matmul " + Shape.toString(left) + " @ " + Shape.toString(right), t -> t[0].matmul(t[1]),
                GradInput.uniform(51, -1, 1, left), GradInput.uniform(52, -1, 1, right));
    }

    @ParameterizedTest(name = "linear {0} by {1}")
    @MethodSource("linearShapes")
    void linearGradientsReachInputWeightAndBias(int[] input, int[] weight) {
        String name = "linear " + Shape.toString(input) + " by " + Shape.toString(weight);
        check(name, t -> t[0].linear(t[1], t[2]), GradInput.uniform(53, -1, 1, input),
                GradInput.uniform(54, -1, 1, weight), GradInput.uniform(55, -1, 1, weight[0]));
        check(name + " without bias", t -> t[0].linear(t[1], null), GradInput.uniform(56, -1, 1, input),
                GradInput.uniform(57, -1, 1, weight));
    }

    static Stream<Arguments> linearShapes() {
        return Stream.of(
                arguments(new int[] {3, 4}, new int[] {5, 4}),
                arguments(new int[] {2, 3, 4}, new int[] {2, 4}),
                arguments(new int[] {7}, new int[] {1, 7}));
    }

    /** One conv2d configuration: input NCHW, weight (O, C/groups, k, k), stride, padding, dilation, groups, bias. */
    record Conv(int n, int c, int h, int w, int out, int kernel, int stride, int padding, int dilation, int groups,
                boolean bias) {
        @Override
        public String toString() {
            return "x[" + n + ", " + c + ", " + h + ", " + w + "] w[" + out + ", " + c / groups + ", " + kernel + ", "
                    + kernel + "] stride " + stride + " padding " + padding + " dilation " + dilation + " groups "
                    + groups + (bias ? " with bias" : "");
        }
    }

    static Stream<Conv> convCases() {
        return Stream.of(
                new Conv(1, 1, 5, 5, 1, 3, 1, 0, 1, 1, false),
                new Conv(2, 3, 6, 5, 4, 3, 1, 1, 1, 1, true),
                new Conv(2, 2, 7, 7, 3, 3, 2, 0, 1, 1, true),
                new Conv(1, 2, 7, 6, 2, 3, 2, 1, 1, 1, false),
                new Conv(1, 2, 7, 7, 2, 3, 1, 2, 2, 1, true),
                new Conv(2, 4, 5, 5, 6, 3, 1, 1, 1, 2, true),
                new Conv(1, 4, 5, 6, 4, 3, 2, 1, 1, 4, false),
                new Conv(2, 3, 4, 4, 5, 1, 1, 0, 1, 1, true),
                new Conv(1, 1, 3, 3, 2, 3, 1, 0, 1, 1, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void conv2dGradientsReachInputWeightAndBias(Conv c) {
        GradInput x = GradInput.uniform(53, -1, 1, c.n, c.c, c.h, c.w);
        GradInput weight = GradInput.uniform(54, -1, 1, c.out, c.c / c.groups, c.kernel, c.kernel);
        if (c.bias) {
            check("conv2d " + c, t -> t[0].conv2d(t[1], t[2], c.stride, c.padding, c.dilation, c.groups),
                    x, weight, GradInput.uniform(55, -1, 1, c.out));
        } else {
            check("conv2d " + c, t -> t[0].conv2d(t[1], null, c.stride, c.padding, c.dilation, c.groups), x, weight);
        }
    }

    /** kernel, stride, padding of a pooling case, on an input with odd sizes. */
    static Stream<Arguments> poolCases() {
        return Stream.of(
                arguments(2, 2, 0, new int[] {2, 3, 6, 6}),
                arguments(3, 1, 1, new int[] {1, 2, 5, 7}),
                arguments(3, 2, 1, new int[] {2, 2, 7, 6}),
                arguments(2, 1, 0, new int[] {1, 1, 4, 5}),
                arguments(3, 3, 0, new int[] {1, 2, 7, 7}),
                arguments(1, 1, 0, new int[] {1, 1, 3, 3}));
    }

    @ParameterizedTest(name = "kernel {0} stride {1} padding {2} on {3}")
    @MethodSource("poolCases")
    void maxPoolPassesTheGradientToEachWindowMaximum(int kernel, int stride, int padding, int[] shape) {
        check(pool("maxPool2d", kernel, stride, padding, shape), t -> t[0].maxPool2d(kernel, stride, padding),
                GradInput.distinct(56, shape));
    }

    @ParameterizedTest(name = "kernel {0} stride {1} padding {2} on {3}")
    @MethodSource("poolCases")
    void avgPoolSpreadsTheGradientOverEachWindow(int kernel, int stride, int padding, int[] shape) {
        check(pool("avgPool2d", kernel, stride, padding, shape), t -> t[0].avgPool2d(kernel, stride, padding),
                GradInput.uniform(57, -1, 1, shape));
    }

    @ParameterizedTest(name = "kernel {0} stride {1} padding {2} on {3}")
    @MethodSource("poolCases")
    void maxPoolOfNegativeInputsIgnoresPadding(int kernel, int stride, int padding, int[] shape) {
        GradInput distinct = GradInput.distinct(58, shape);
        float[] negative = distinct.values().clone();
        for (int i = 0; i < negative.length; i++) {
            negative[i] -= 100;
        }
        check(pool("maxPool2d of negatives", kernel, stride, padding, shape),
                t -> t[0].maxPool2d(kernel, stride, padding), GradInput.of(negative, shape));
    }

    private static String pool(String op, int kernel, int stride, int padding, int[] shape) {
        return op + "(" + kernel + ", " + stride + ", " + padding + ") of " + Shape.toString(shape);
    }
}
