package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the suites that test through the public {@link Tensor} API (ops, autograd, gradients,
 * losses, nn, optimizers): the backend under test is the default for the duration of each test,
 * and every tensor a test makes is freed after it.
 */
public abstract class TensorConformanceSupport extends ConformanceSupport {
    private Scope scope;

    @BeforeEach
    void useBackendUnderTest() {
        Backends.setDefault(backend());
        scope = Scope.open();
    }

    @AfterEach
    void freeTensorsOfTheTest() {
        scope.close();
    }

    /** A FLOAT32 tensor holding the reference array's values (exact: they are float32 already). */
    protected static Tensor tensor(HostArray host) {
        return Tensors.fromArray(host.toFloats(), host.shape());
    }

    /** A FLOAT32 tensor on the backend under test. */
    protected Tensor tensor(float[] values, int... shape) {
        return Tensors.fromArray(backend(), values, shape);
    }

    /** An INT32 tensor. */
    protected static Tensor intTensor(int[] values, int... shape) {
        return Tensors.fromArray(values, shape);
    }

    /**
     * Checks autograd's gradient of {@code op} with respect to every input against central finite
     * differences ({@link GradCheck}).
     */
    protected void check(String name, GradCheck.Op op, GradInput... inputs) {
        GradCheck.of(name, op).inputs(inputs).run(backend());
    }

    /** Fails unless actual is FLOAT32 with expected's shape and values within atol + rtol * |expected|. */
    protected static void assertTensor(String what, HostArray expected, Tensor actual, double rtol, double atol) {
        assertEquals(DType.FLOAT32, actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape " + Arrays.toString(actual.shape())
                + ", expected " + Arrays.toString(expected.shape()));
        assertClose(what, expected.data(), actual.toFloatArray(), rtol, atol);
    }

    /** assertTensor with no tolerance: for ops that only move or select values. */
    protected static void assertExact(String what, HostArray expected, Tensor actual) {
        assertTensor(what, expected, actual, 0, 0);
    }

    /** Fails unless actual is INT32 with the expected shape and values. */
    protected static void assertIntTensor(String what, int[] expectedShape, int[] expected, Tensor actual) {
        assertEquals(DType.INT32, actual.dtype(), what + ": dtype");
        assertArrayEquals(expectedShape, actual.shape(), what + ": shape " + Arrays.toString(actual.shape())
                + ", expected " + Arrays.toString(expectedShape));
        assertArrayEquals(expected, actual.toIntArray(), what);
    }

    /** Shape as the error messages write it, e.g. [2, 3]. */
    protected static String shape(int... dims) {
        return Arrays.toString(dims);
    }

    /** A shape written as in test parameters, sizes joined by x: "3x7x5". */
    protected static int[] parseShape(String text) {
        return parseInts(text, "x");
    }

    /** A list of dims or indices written as in test parameters, separated by spaces: "0 -1 2". */
    protected static int[] parseInts(String text) {
        return parseInts(text, " ");
    }

    private static int[] parseInts(String text, String separator) {
        return Arrays.stream(text.split(separator)).mapToInt(Integer::parseInt).toArray();
    }

    /** The largest sum of |x| over the lanes along dim: float32 summation error scales with it. */
    protected static double largestAbsSum(HostArray x, int dim) {
        HostArray sums = x.reduce(dim, false, lane -> Arrays.stream(lane).map(Math::abs).sum());
        return Arrays.stream(sums.data()).max().orElse(0);
    }
}
