package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.jgrad.DType;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every constant of the op enums reaches its own branch of the backend's kernels (GPU kernels
 * switch on the enums' ordinals, named in kernels' ops.h): on probe inputs where no two ops
 * agree, each op's result matches its own float64 reference and no other op's.
 */
public class OpTableConformance extends ConformanceSupport {
    private static final float[] UNARY_PROBE = {-2.5f, -0.75f, -0.1f, 0.3f, 0.9f, 1.7f, 3.2f};
    private static final float ALPHA = 0.2f;
    /** Positive bases keep POW finite; the second pair ties, so LT/LE and GT/GE differ. */
    private static final float[] BINARY_A = {1.5f, 2f, 0.5f, 3f, 0.25f};
    private static final float[] BINARY_B = {2f, 2f, -1f, 0.5f, 4f};
    /** Sum 2.25, max 3 at 2, min -2 at 1: five different answers. */
    private static final float[] LANE = {0.5f, -2f, 3f, 1f, -0.25f};
    private static final double RTOL = 1e-5;
    private static final double ATOL = 2e-6;

    private static double[] unaryReference(UnaryOp op) {
        double[] out = new double[UNARY_PROBE.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) op.reference(UNARY_PROBE[i], ALPHA);
        }
        return out;
    }

    private static double[] binaryReference(BinaryOp op) {
        double[] out = new double[BINARY_A.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) op.reference(BINARY_A[i], BINARY_B[i]);
        }
        return out;
    }

    private static double reduceReference(ReduceOp op) {
        return switch (op) {
            case SUM -> 2.25;
            case MAX -> 3;
            case MIN -> -2;
            case ARGMAX -> 2;
            case ARGMIN -> 1;
        };
    }

    /** Whether actual matches expected everywhere, NaN matching NaN. */
    private static boolean close(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean ok = Double.isNaN(e) ? Double.isNaN(a) : Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theProbesTellEveryTwoOpsApart() {
        for (UnaryOp op : UnaryOp.values()) {
            for (UnaryOp other : UnaryOp.values()) {
                assertTrue(op == other || !close(unaryReference(op), unaryReference(other)), op + " vs " + other);
            }
        }
        for (BinaryOp op : BinaryOp.values()) {
            for (BinaryOp other : BinaryOp.values()) {
                assertTrue(op == other || !close(binaryReference(op), binaryReference(other)), op + " vs " + other);
            }
        }
        for (ReduceOp op : ReduceOp.values()) {
            for (ReduceOp other : ReduceOp.values()) {
                assertTrue(op == other || reduceReference(op) != reduceReference(other), op + " vs " + other);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryOpReachesItsOwnBranch(UnaryOp op) {
        Buffer out = backend().allocate(DType.FLOAT32, UNARY_PROBE.length);
        backend().unary(op, ALPHA, upload(UNARY_PROBE), out);
        double[] actual = doubles(backend().downloadFloat(out));
        assertOnlyItsOwn(op, UnaryOp.values(), actual, OpTableConformance::unaryReference);
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryOpReachesItsOwnBranch(BinaryOp op) {
        int n = BINARY_A.length;
        Buffer out = backend().allocate(DType.FLOAT32, n);
        backend().binary(op, new int[] {n}, upload(BINARY_A), new int[] {1}, upload(BINARY_B), new int[] {1}, out);
        double[] actual = doubles(backend().downloadFloat(out));
        assertOnlyItsOwn(op, BinaryOp.values(), actual, OpTableConformance::binaryReference);
    }

    /** Fails unless actual is op's reference and no other op's. */
    private static <E extends Enum<E>> void assertOnlyItsOwn(E op, E[] all, double[] actual,
                                                          Function<E, double[]> reference) {
        for (E other : all) {
            boolean same = close(reference.apply(other), actual);
            if (other == op) {
                assertTrue(same, op + " should compute its own function, got " + Arrays.toString(actual));
            } else {
                assertFalse(same, op + " computed " + other);
            }
        }
    }

    /** Along rows (inner 1) and along columns (inner 3): GPU backends have a kernel for each. */
    @ParameterizedTest
    @EnumSource(ReduceOp.class)
    void reduceOpReachesItsOwnBranch(ReduceOp op) {
        for (int inner : new int[] {1, 3}) {
            float[] x = new float[LANE.length * inner];
            for (int s = 0; s < LANE.length; s++) {
                for (int j = 0; j < inner; j++) {
                    x[s * inner + j] = LANE[s];
                }
            }
            Buffer out = backend().allocate(op.writesIndices() ? DType.INT32 : DType.FLOAT32, inner);
            backend().reduce(op, upload(x), 1, LANE.length, inner, out);
            double[] actual = op.writesIndices()
                    ? Arrays.stream(backend().downloadInt(out)).asDoubleStream().toArray()
                    : doubles(backend().downloadFloat(out));
            for (double value : actual) {
                for (ReduceOp other : ReduceOp.values()) {
                    boolean same = value == reduceReference(other);
                    assertTrue(same == (other == op), op + " (inner " + inner + ") gave " + value
                            + ", which is " + other + "'s answer");
                }
            }
        }
    }
}
