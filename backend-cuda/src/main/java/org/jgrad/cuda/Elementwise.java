package org.jgrad.cuda;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.Extents;
import org.jgrad.backend.HalfFloats;
import org.jgrad.backend.UnaryOp;
import org.jgrad.backend.device.StridedDims;

/**
 * Fill, cast, unary, binary, where and strided copy (elementwise.cu): arguments checked on the
 * host, strided operands packed into one {@link StridedLayout} per launch (more than 8 merged
 * dimensions: one launch per index of the leading ones, as on every backend).
 */
final class Elementwise {
    private final Launcher kernels;

    Elementwise(Launcher kernels) {
        this.kernels = kernels;
    }

    void fill(Buffer dst, float value) {
        CudaBuffer d = CudaBuffer.of(dst, null, "fill", "dst");
        fillBits(d, switch (d.dtype()) {
            case FLOAT32 -> Float.floatToRawIntBits(value);
            case INT32 -> (int) value;
            case FLOAT16 -> HalfFloats.floatToFloat16(value) & 0xFFFF;
            case BFLOAT16 -> HalfFloats.floatToBfloat16(value) & 0xFFFF;
        });
    }

    /** Sets every element's bits: 32-bit words, or the low 16 bits for FLOAT16 and BFLOAT16. */
    void fillBits(CudaBuffer dst, int bits) {
        kernels.launch1d(dst.dtype().isHalf() ? "fill_u16" : "fill_u32", dst.length(), dst.pointer(), bits, dst.length());
    }

    /** Same dtype: a copy; else FLOAT32 to or from INT32, FLOAT16 or BFLOAT16 (the SPI's pairs). */
    void cast(Buffer src, Buffer dst) {
        CudaBuffer s = CudaBuffer.of(src, null, "cast", "src");
        CudaBuffer d = CudaBuffer.of(dst, null, "cast", "dst");
        Checks.length("cast", "dst", d.length(), s.length());
        int n = s.length();
        if (s.dtype() == d.dtype()) {
            copy(new int[] {n}, s, 0, new int[] {1}, d, 0, new int[] {1});
            return;
        }
        if (s.dtype() != DType.FLOAT32 && d.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("cast: " + s.dtype() + " to " + d.dtype() + "; one side must be FLOAT32");
        }
        boolean narrowing = s.dtype() == DType.FLOAT32;
        String kernel = switch (narrowing ? d.dtype() : s.dtype()) {
            case INT32 -> narrowing ? "cast_f32_i32" : "cast_i32_f32";
            case FLOAT16 -> narrowing ? "cast_f32_f16" : "cast_f16_f32";
            case BFLOAT16 -> narrowing ? "cast_f32_bf16" : "cast_bf16_f32";
            case FLOAT32 -> throw new IllegalStateException("same dtypes are copied above");
        };
        kernels.launch1d(kernel, n, s.pointer(), d.pointer(), n);
    }

    void unary(UnaryOp op, float alpha, Buffer x, Buffer out) {
        String name = "unary " + op;
        CudaBuffer in = CudaBuffer.of(x, DType.FLOAT32, name, "x");
        CudaBuffer o = CudaBuffer.of(out, DType.FLOAT32, name, "out");
        Checks.length(name, "out", o.length(), in.length());
        kernels.launch1d("unary_f32", in.length(), op.ordinal(), alpha, in.pointer(), o.pointer(), in.length());
    }

    void binary(BinaryOp op, int[] shape, Buffer a, int[] aStrides, Buffer b, int[] bStrides, Buffer out) {
        String name = "binary " + op;
        CudaBuffer ca = CudaBuffer.of(a, DType.FLOAT32, name, "a");
        CudaBuffer cb = CudaBuffer.of(b, DType.FLOAT32, name, "b");
        CudaBuffer o = contiguousOut(name, shape, out);
        Extents.checkOperand(name, "a", shape, 0, aStrides, ca.length());
        Extents.checkOperand(name, "b", shape, 0, bStrides, cb.length());
        StridedDims.of(shape, aStrides, bStrides, Shape.strides(shape)).forEachLaunch(new int[3],
                (count, rank, dims, strides, at) -> kernels.launch1d("binary_f32", count, op.ordinal(),
                        StridedLayout.pack(rank, dims, strides, at, at[2]), ca.pointer(), cb.pointer(), o.pointer(),
                        count));
    }

    void where(int[] shape, Buffer cond, int[] condStrides, Buffer a, int[] aStrides, Buffer b, int[] bStrides,
                      Buffer out) {
        CudaBuffer cc = CudaBuffer.of(cond, DType.FLOAT32, "where", "cond");
        CudaBuffer ca = CudaBuffer.of(a, DType.FLOAT32, "where", "a");
        CudaBuffer cb = CudaBuffer.of(b, DType.FLOAT32, "where", "b");
        CudaBuffer o = contiguousOut("where", shape, out);
        Extents.checkOperand("where", "cond", shape, 0, condStrides, cc.length());
        Extents.checkOperand("where", "a", shape, 0, aStrides, ca.length());
        Extents.checkOperand("where", "b", shape, 0, bStrides, cb.length());
        StridedDims.of(shape, condStrides, aStrides, bStrides, Shape.strides(shape)).forEachLaunch(new int[4],
                (count, rank, dims, strides, at) -> kernels.launch1d("where_f32", count,
                        StridedLayout.pack(rank, dims, strides, at, at[3]), cc.pointer(), ca.pointer(), cb.pointer(),
                        o.pointer(), count));
    }

    private static CudaBuffer contiguousOut(String op, int[] shape, Buffer out) {
        CudaBuffer o = CudaBuffer.of(out, DType.FLOAT32, op, "out");
        Checks.length(op, "out", o.length(), Extents.elementCount(op, shape));
        return o;
    }

    void copy(int[] shape, Buffer src, int srcOffset, int[] srcStrides, Buffer dst, int dstOffset, int[] dstStrides) {
        CudaBuffer s = CudaBuffer.of(src, null, "copy", "src");
        CudaBuffer d = CudaBuffer.of(dst, null, "copy", "dst");
        if (s.dtype() != d.dtype()) {
            throw new IllegalArgumentException("copy: src is " + s.dtype() + " but dst is " + d.dtype()
                    + "; both must have the same dtype");
        }
        int n = Extents.elementCount("copy", shape);
        Extents.checkOperand("copy", "src", shape, srcOffset, srcStrides, s.length());
        Extents.checkOperand("copy", "dst", shape, dstOffset, dstStrides, d.length());
        if (n > 0) {
            StridedDims.of(shape, srcStrides, dstStrides).forEachLaunch(new int[] {srcOffset, dstOffset},
                    (count, rank, dims, strides, at) -> kernels.launch1d(s.dtype().isHalf() ? "copy_u16" : "copy_u32", count,
                            StridedLayout.pack(rank, dims, strides, at, 0), s.pointer(), d.pointer(), count));
        }
    }
}
