package org.jgrad.cpu;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/**
 * Fill, cast, unary, binary and where. Checks the arguments, then hands contiguous ranges (unary)
 * or the runs of a {@link StridedLoop} (binary, where) to the Vector API kernels when they are on
 * and the run's steps suit them, to the plain-Java kernels otherwise.
 */
final class Elementwise {
    /** Elements below which splitting across threads costs more than it saves. */
    private static final int GRAIN = 1 << 14;

    private Elementwise() {
    }

    static void fill(CpuBuffer dst, float value) {
        if (dst.dtype() == DType.FLOAT32) {
            Arrays.fill(dst.floats(), value);
        } else if (dst.dtype().isHalf()) {
            Arrays.fill(dst.halves(), HalfCast.narrow(dst.dtype(), value));
        } else {
            Arrays.fill(dst.ints(), (int) value);
        }
    }

    /**
     * Same dtype copies; FLOAT32 to INT32 rounds toward zero (Java's cast: NaN to 0, out of range
     * saturates); to and from FLOAT16 and BFLOAT16 through FLOAT32 ({@link HalfCast}).
     */
    static void cast(CpuBuffer src, CpuBuffer dst) {
        Strides.checkLength("cast", "dst", dst.length(), src.length());
        if (src.dtype() == dst.dtype()) {
            System.arraycopy(src.storage(), 0, dst.storage(), 0, src.length());
        } else if (src.dtype().isHalf() || dst.dtype().isHalf()) {
            Parallel.forRange(src.length(), GRAIN, (from, to) -> HalfCast.run(src, dst, from, to));
        } else if (src.dtype() == DType.FLOAT32) {
            float[] s = src.floats();
            int[] d = dst.ints();
            Parallel.forRange(s.length, GRAIN, (from, to) -> {
                for (int i = from; i < to; i++) {
                    d[i] = (int) s[i];
                }
            });
        } else {
            int[] s = src.ints();
            float[] d = dst.floats();
            Parallel.forRange(s.length, GRAIN, (from, to) -> {
                for (int i = from; i < to; i++) {
                    d[i] = s[i];
                }
            });
        }
    }

    static void unary(UnaryOp op, float alpha, float[] x, float[] out) {
        Strides.checkLength("unary " + op, "out", out.length, x.length);
        boolean vector = VectorSupport.enabled();
        Parallel.forRange(x.length, GRAIN, (from, to) -> {
            if (vector) {
                VectorUnary.apply(op, alpha, x, out, from, to);
            } else {
                ScalarUnary.apply(op, alpha, x, out, from, to);
            }
        });
    }

    /** out[i] = grad[i] * (x[i] <= 0 ? 0 : 1): ReLU's gradient, a NaN input passing it (the SPI default's arithmetic). */
    static void reluBackward(float[] x, float[] grad, float[] out) {
        Strides.checkLength("reluBackward", "grad", grad.length, x.length);
        Strides.checkLength("reluBackward", "out", out.length, x.length);
        boolean vector = VectorSupport.enabled();
        Parallel.forRange(x.length, GRAIN, (from, to) -> {
            int i = vector ? VectorBinary.reluGradient(x, grad, out, from, to) : from;
            for (; i < to; i++) {
                out[i] = grad[i] * (x[i] <= 0 ? 0f : 1f);
            }
        });
    }

    static void binary(BinaryOp op, int[] shape, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out) {
        String name = "binary " + op;
        Strides.checkLength(name, "out", out.length, Strides.elementCount(name, shape));
        Strides.checkOperand(name, "a", shape, 0, aStrides, a.length);
        Strides.checkOperand(name, "b", shape, 0, bStrides, b.length);
        StridedLoop loop = StridedLoop.of(shape, aStrides, bStrides, Shape.strides(shape));
        int as = loop.innerStride(0);
        int bs = loop.innerStride(1);
        loop.forEach(new int[3], GRAIN, (at, n) -> run(op, a, at[0], as, b, at[1], bs, out, at[2], n));
    }

    /**
     * One contiguous output run of a binary op, inputs read with steps {@code as} and {@code bs};
     * the reductions stream rows through it too.
     */
    static void run(BinaryOp op, float[] a, int ai, int as, float[] b, int bi, int bs, float[] out, int o, int n) {
        if (VectorSupport.enabled() && VectorBinary.handles(as) && VectorBinary.handles(bs)) {
            VectorBinary.run(op, a, ai, as, b, bi, bs, out, o, n);
        } else {
            ScalarBinary.run(op, a, ai, as, b, bi, bs, out, o, n);
        }
    }

    static void where(int[] shape, float[] cond, int[] condStrides, float[] a, int[] aStrides, float[] b, int[] bStrides,
                      float[] out) {
        Strides.checkLength("where", "out", out.length, Strides.elementCount("where", shape));
        Strides.checkOperand("where", "cond", shape, 0, condStrides, cond.length);
        Strides.checkOperand("where", "a", shape, 0, aStrides, a.length);
        Strides.checkOperand("where", "b", shape, 0, bStrides, b.length);
        StridedLoop loop = StridedLoop.of(shape, condStrides, aStrides, bStrides, Shape.strides(shape));
        int cs = loop.innerStride(0);
        int as = loop.innerStride(1);
        int bs = loop.innerStride(2);
        boolean vector = VectorSupport.enabled() && VectorBinary.handles(cs) && VectorBinary.handles(as)
                && VectorBinary.handles(bs);
        loop.forEach(new int[4], GRAIN, (at, n) -> {
            if (vector) {
                VectorBinary.where(cond, at[0], cs, a, at[1], as, b, at[2], bs, out, at[3], n);
            } else {
                ScalarBinary.where(cond, at[0], cs, a, at[1], as, b, at[2], bs, out, at[3], n);
            }
        });
    }
}
