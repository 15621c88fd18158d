package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jgrad.DType;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unary, binary and where against the float64 {@code reference()} of each op, on random data
 * of odd sizes and on every broadcasting layout the tensor core produces. Expected values are
 * rounded to float once, so overflow to infinity is expected where float overflows.
 */
public class ElementwiseConformance extends ConformanceSupport {
    private static final int[] SIZES = {1, 7, 129, 1000, 100_003};
    private static final float[] SPECIALS = {0f, -0f, 1e-30f, -1e-30f, 0.5f, -0.5f, 3f, -3f, 50f, -50f, 100f, -100f,
        1e30f, -1e30f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};

    /** Random inputs inside the op's domain (positive for LOG and SQRT), wide enough to reach both tails. */
    private static float[] unaryInput(UnaryOp op, int n, long seed) {
        return switch (op) {
            case LOG, SQRT -> randomFloats(n, seed, 1e-3, 10);
            case EXP -> randomFloats(n, seed, -10, 10);
            default -> randomFloats(n, seed, -4, 4);
        };
    }

    /** GELU and ERF use a float erf approximation good to about 5e-7. */
    private static double unaryAtol(UnaryOp op) {
        return op == UnaryOp.GELU || op == UnaryOp.ERF ? 2e-6 : 1e-6;
    }

    private void checkUnary(UnaryOp op, float alpha, float[] x) {
        Buffer out = backend().allocate(DType.FLOAT32, x.length);
        backend().unary(op, alpha, upload(x), out);
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = (float) op.reference(x[i], alpha);
        }
        assertClose(op + " on " + x.length + " elements", expected, backend().downloadFloat(out), 2e-6, unaryAtol(op));
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryMatchesReference(UnaryOp op) {
        for (int n : SIZES) {
            checkUnary(op, 0.07f, unaryInput(op, n, n));
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryOnSpecialValues(UnaryOp op) {
        // Repeated so that the specials pass through the vector body as well as the scalar tail.
        float[] x = new float[SPECIALS.length * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = SPECIALS[(i * 7) % SPECIALS.length];
        }
        checkUnary(op, 0.2f, x);
    }

    @Test
    void leakyReluUsesAlpha() {
        checkUnary(UnaryOp.LEAKY_RELU, 0.3f, randomFloats(129, 9, -4, 4));
    }

    /** Random operands inside the op's domain: positive bases for POW; a third of b copies a, so comparisons tie. */
    private static float[][] binaryInputs(BinaryOp op, int aSize, int bSize, long seed) {
        boolean pow = op == BinaryOp.POW;
        float[] a = pow ? randomFloats(aSize, seed, 0.05, 4) : randomFloats(aSize, seed, -2, 2);
        float[] b = pow ? randomFloats(bSize, seed + 1, -3, 3) : randomFloats(bSize, seed + 1, -2, 2);
        for (int i = 0; i < Math.min(aSize, bSize); i += 3) {
            b[i] = pow ? Math.round(b[i]) : a[i];
        }
        return new float[][] {a, b};
    }

    private void checkBinary(BinaryOp op, String layout, int[] shape, float[] a, int[] aStrides, float[] b,
                             int[] bStrides) {
        int n = HostArray.count(shape);
        Buffer out = backend().allocate(DType.FLOAT32, n);
        backend().binary(op, shape, upload(a), aStrides, upload(b), bStrides, out);
        int[] ai = StridedOffsets.of(shape, 0, aStrides);
        int[] bi = StridedOffsets.of(shape, 0, bStrides);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = (float) op.reference(a[ai[i]], b[bi[i]]);
        }
        boolean exact = isExact(op);
        assertClose(op + " " + layout, expected, backend().downloadFloat(out), exact ? 0 : 1e-6, exact ? 0 : 1e-30);
    }

    /** Selections and comparisons have one right answer; arithmetic may round differently by an ulp. */
    private static boolean isExact(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, POW -> false;
            default -> true;
        };
    }

    /** Both operands dense with the shapes given, broadcast NumPy-style to {@code shape}. */
    private void checkBroadcast(BinaryOp op, String layout, int[] shape, int[] aShape, int[] bShape) {
        float[][] ab = binaryInputs(op, HostArray.count(aShape), HostArray.count(bShape), shape.length * 31L);
        checkBinary(op, layout, shape, ab[0], StridedOffsets.broadcast(aShape, shape), ab[1],
                StridedOffsets.broadcast(bShape, shape));
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binarySameShape(BinaryOp op) {
        for (int n : SIZES) {
            checkBroadcast(op, "same shape [" + n + "]", new int[] {n}, new int[] {n}, new int[] {n});
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryBroadcasts(BinaryOp op) {
        checkBroadcast(op, "tensor with scalar", new int[] {1000}, new int[] {1000}, new int[] {1});
        checkBroadcast(op, "scalar with tensor", new int[] {129}, new int[] {1}, new int[] {129});
        checkBroadcast(op, "matrix with row", new int[] {5, 37}, new int[] {5, 37}, new int[] {1, 37});
        checkBroadcast(op, "row with matrix", new int[] {5, 37}, new int[] {1, 37}, new int[] {5, 37});
        checkBroadcast(op, "matrix with column", new int[] {5, 37}, new int[] {5, 37}, new int[] {5, 1});
        checkBroadcast(op, "column with matrix", new int[] {37, 5}, new int[] {37, 1}, new int[] {37, 5});
        checkBroadcast(op, "(3,1) with (1,4)", new int[] {3, 4}, new int[] {3, 1}, new int[] {1, 4});
        checkBroadcast(op, "(33,1) with (1,47)", new int[] {33, 47}, new int[] {33, 1}, new int[] {1, 47});
        checkBroadcast(op, "rank 0", new int[0], new int[0], new int[0]);
        int[] nchw = {2, 3, 4, 5};
        checkBroadcast(op, "4-D with channel bias", nchw, nchw, new int[] {1, 3, 1, 1});
        checkBroadcast(op, "4-D both broadcast", nchw, new int[] {2, 1, 4, 1}, new int[] {1, 3, 1, 5});
        checkBroadcast(op, "large matrix with row", new int[] {300, 129}, new int[] {300, 129}, new int[] {1, 129});
        checkBroadcast(op, "large matrix with column", new int[] {300, 129}, new int[] {300, 1}, new int[] {300, 129});
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryOnSpecialValues(BinaryOp op) {
        // every pair of specials, in both argument orders
        int k = SPECIALS.length;
        float[] a = new float[k * k];
        float[] b = new float[k * k];
        for (int i = 0; i < k * k; i++) {
            a[i] = SPECIALS[i / k];
            b[i] = SPECIALS[i % k];
        }
        checkBinary(op, "special pairs", new int[] {k * k}, a, new int[] {1}, b, new int[] {1});
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryReadsTransposedOperands(BinaryOp op) {
        // a is a (37, 5) matrix read as its (5, 37) transpose; b is a transposed column vector broadcast along rows.
        int[] shape = {5, 37};
        float[][] ab = binaryInputs(op, 5 * 37, 5 * 37, 77);
        checkBinary(op, "transposed a", shape, ab[0], new int[] {1, 5}, ab[1], new int[] {37, 1});
        checkBinary(op, "both transposed", shape, ab[0], new int[] {1, 5}, ab[1], new int[] {1, 5});
        checkBinary(op, "strided row", new int[] {4, 7}, ab[0], new int[] {0, 3}, ab[1], new int[] {7, 1});
    }

    @ParameterizedTest
    @EnumSource(value = BinaryOp.class, names = {"MAXIMUM", "MINIMUM", "EQ", "NE", "LT", "LE", "GT", "GE", "ADD"})
    void nanPropagatesThroughMaximumAndMinimumAndFailsComparisons(BinaryOp op) {
        float[] a = randomFloats(1000, 11);
        float[] b = randomFloats(1000, 12);
        for (int i = 0; i < a.length; i += 5) {
            a[i] = Float.NaN;
        }
        for (int i = 0; i < b.length; i += 7) {
            b[i] = Float.NaN;
        }
        checkBinary(op, "with NaNs", new int[] {1000}, a, new int[] {1}, b, new int[] {1});
        float[] nan = {Float.NaN};
        checkBinary(op, "with a NaN scalar", new int[] {1000}, b, new int[] {1}, nan, new int[] {0});
        checkBinary(op, "NaN scalar first", new int[] {129}, nan, new int[] {0}, a, new int[] {1});
    }

    private void checkWhere(String layout, int[] shape, int[] condShape, int[] aShape, int[] bShape) {
        float[] cond = randomFloats(HostArray.count(condShape), 21);
        for (int i = 0; i < cond.length; i++) {
            cond[i] = i % 3 == 0 ? 0f : i % 3 == 1 ? cond[i] : i % 6 == 2 ? -0f : Float.NaN;
        }
        float[] a = randomFloats(HostArray.count(aShape), 22);
        float[] b = randomFloats(HostArray.count(bShape), 23);
        int[] cs = StridedOffsets.broadcast(condShape, shape);
        int[] as = StridedOffsets.broadcast(aShape, shape);
        int[] bs = StridedOffsets.broadcast(bShape, shape);
        int n = HostArray.count(shape);
        Buffer out = backend().allocate(DType.FLOAT32, n);
        backend().where(shape, upload(cond), cs, upload(a), as, upload(b), bs, out);
        int[] ci = StridedOffsets.of(shape, 0, cs);
        int[] ai = StridedOffsets.of(shape, 0, as);
        int[] bi = StridedOffsets.of(shape, 0, bs);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = cond[ci[i]] != 0 ? a[ai[i]] : b[bi[i]];
        }
        assertClose("where " + layout, expected, backend().downloadFloat(out), 0, 0);
    }

    @Test
    void whereSelectsBySignificantCondition() {
        checkWhere("same shape", new int[] {1000}, new int[] {1000}, new int[] {1000}, new int[] {1000});
        checkWhere("scalar a", new int[] {129}, new int[] {129}, new int[] {1}, new int[] {129});
        checkWhere("column condition, scalar a, row b", new int[] {37, 41}, new int[] {37, 1}, new int[] {1, 1},
                new int[] {1, 41});
        checkWhere("4-D broadcast", new int[] {2, 3, 4, 5}, new int[] {2, 1, 4, 5}, new int[] {1, 3, 1, 1},
                new int[] {2, 3, 4, 5});
        checkWhere("rank 0", new int[0], new int[0], new int[0], new int[0]);
        checkWhere("large", new int[] {100_003}, new int[] {100_003}, new int[] {100_003}, new int[] {1});
    }

    @Test
    void badArgumentsFail() {
        Buffer x = upload(randomFloats(12, 31));
        Buffer out12 = backend().allocate(DType.FLOAT32, 12);
        int[] shape = {3, 4};
        int[] dense = {4, 1};
        assertThrows(IllegalArgumentException.class,
                () -> backend().unary(UnaryOp.EXP, 0, x, backend().allocate(DType.FLOAT32, 11)));
        Buffer out13 = backend().allocate(DType.FLOAT32, 13);
        BinaryOp add = BinaryOp.ADD;
        int[] tooFewStrides = {1};
        int[] pastTheEnd = {5, 1};
        int[] negative = {3, -4};
        assertThrows(IllegalArgumentException.class, () -> backend().binary(add, shape, x, tooFewStrides, x, dense, out12));
        assertThrows(IllegalArgumentException.class, () -> backend().binary(add, shape, x, pastTheEnd, x, dense, out12));
        assertThrows(IllegalArgumentException.class, () -> backend().binary(add, negative, x, dense, x, dense, out12));
        assertThrows(IllegalArgumentException.class, () -> backend().binary(add, shape, x, dense, x, dense, out13));
        assertThrows(IllegalArgumentException.class, () -> backend().where(shape, x, dense, x, dense, x, pastTheEnd, out12));
    }
}
