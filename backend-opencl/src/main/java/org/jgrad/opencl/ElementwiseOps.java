package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Extents;
import org.jgrad.backend.UnaryOp;
import org.jgrad.backend.device.StridedDims;

/** Unary, binary, where, strided copy and cast: checks, then one kernel launch per strided chunk. */
final class ElementwiseOps {
    private final ClRuntime cl;

    ElementwiseOps(ClRuntime cl) {
        this.cl = cl;
    }

    void unary(UnaryOp op, float alpha, ClBuffer x, ClBuffer out) {
        String name = "unary " + op;
        x.expect(DType.FLOAT32, name, "x");
        out.expect(DType.FLOAT32, name, "out");
        Extents.checkLength(name, "out", out.length(), x.length());
        cl.launch("unary").i(op.ordinal()).f(alpha).i(x.length()).mem(x).mem(out).run1d(x.length());
    }

    void binary(BinaryOp op, int[] shape, ClBuffer a, int[] aStrides, ClBuffer b, int[] bStrides, ClBuffer out) {
        String name = "binary " + op;
        int n = checkOutput(name, shape, out);
        a.expect(DType.FLOAT32, name, "a");
        b.expect(DType.FLOAT32, name, "b");
        Extents.checkOperand(name, "a", shape, 0, aStrides, a.length());
        Extents.checkOperand(name, "b", shape, 0, bStrides, b.length());
        if (n == 0) {
            return;
        }
        StridedDims.of(shape, aStrides, bStrides, Shape.strides(shape)).forEachLaunch(new int[3],
                (count, rank, dims, strides, at) -> cl.launch("binary").i(op.ordinal()).i(count).i(rank).vector(dims)
                        .mem(a).i(at[0]).vector(strides[0]).mem(b).i(at[1]).vector(strides[1]).mem(out).i(at[2])
                        .run1d(count));
    }

    void where(int[] shape, ClBuffer cond, int[] condStrides, ClBuffer a, int[] aStrides, ClBuffer b, int[] bStrides,
               ClBuffer out) {
        int n = checkOutput("where", shape, out);
        cond.expect(DType.FLOAT32, "where", "cond");
        a.expect(DType.FLOAT32, "where", "a");
        b.expect(DType.FLOAT32, "where", "b");
        Extents.checkOperand("where", "cond", shape, 0, condStrides, cond.length());
        Extents.checkOperand("where", "a", shape, 0, aStrides, a.length());
        Extents.checkOperand("where", "b", shape, 0, bStrides, b.length());
        if (n == 0) {
            return;
        }
        StridedDims.of(shape, condStrides, aStrides, bStrides, Shape.strides(shape)).forEachLaunch(new int[4],
                (count, rank, dims, strides, at) -> cl.launch("where_select").i(count).i(rank).vector(dims)
                        .mem(cond).i(at[0]).vector(strides[0]).mem(a).i(at[1]).vector(strides[1])
                        .mem(b).i(at[2]).vector(strides[2]).mem(out).i(at[3]).run1d(count));
    }

    void copy(int[] shape, ClBuffer src, int srcOffset, int[] srcStrides, ClBuffer dst, int dstOffset, int[] dstStrides) {
        if (src.dtype() != dst.dtype()) {
            throw new IllegalArgumentException("copy: src is " + src.dtype() + " but dst is " + dst.dtype()
                    + "; both must have the same dtype");
        }
        int n = Extents.elementCount("copy", shape);
        Extents.checkOperand("copy", "src", shape, srcOffset, srcStrides, src.length());
        Extents.checkOperand("copy", "dst", shape, dstOffset, dstStrides, dst.length());
        if (n == 0) {
            return;
        }
        dst.knownRange(dst.dtype() == DType.INT32 ? IndexRange.widen(dst.knownRange(), src.knownRange()) : null);
        String kernel = src.dtype().bytes() == 2 ? "strided_copy_16" : "strided_copy";
        StridedDims.of(shape, srcStrides, dstStrides).forEachLaunch(new int[] {srcOffset, dstOffset},
                (count, rank, dims, strides, at) -> cl.launch(kernel).i(count).i(rank).vector(dims)
                        .mem(src).i(at[0]).vector(strides[0]).mem(dst).i(at[1]).vector(strides[1]).run1d(count));
    }

    /** Same dtype: a device copy; else FLOAT32 to or from INT32, FLOAT16 or BFLOAT16 (the SPI's pairs). */
    void cast(ClBuffer src, ClBuffer dst) {
        Extents.checkLength("cast", "dst", dst.length(), src.length());
        src.mem();
        dst.mem();
        if (src.dtype() == dst.dtype()) {
            cl.copy(src.mem(), dst.mem(), (long) src.dtype().bytes() * src.length());
            dst.knownRange(src.knownRange());
            return;
        }
        dst.knownRange(null);
        if (src.dtype() != DType.FLOAT32 && dst.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("cast: " + src.dtype() + " to " + dst.dtype() + "; one side must be FLOAT32");
        }
        String kernel = switch (src.dtype() == DType.FLOAT32 ? dst.dtype() : src.dtype()) {
            case INT32 -> src.dtype() == DType.FLOAT32 ? "cast_float_to_int" : "cast_int_to_float";
            case FLOAT16 -> src.dtype() == DType.FLOAT32 ? "cast_float_to_float16" : "cast_float16_to_float";
            case BFLOAT16 -> src.dtype() == DType.FLOAT32 ? "cast_float_to_bfloat16" : "cast_bfloat16_to_float";
            case FLOAT32 -> throw new IllegalStateException("same dtypes are copied above");
        };
        cl.launch(kernel).i(src.length()).mem(src).mem(dst).run1d(src.length());
    }

    private static int checkOutput(String op, int[] shape, ClBuffer out) {
        int n = Extents.elementCount(op, shape);
        out.expect(DType.FLOAT32, op, "out");
        Extents.checkLength(op, "out", out.length(), n);
        return n;
    }
}
