package org.jgrad.cpu;

import java.util.Arrays;

/**
 * The strided copy behind permute, slice, cat and expand, for every dtype alike. Runs that
 * are contiguous on both sides become System.arraycopy, a broadcast source (step 0) into a
 * contiguous run becomes Arrays.fill, anything else a plain strided loop.
 */
final class StridedCopy {
    /** Elements below which splitting across threads costs more than it saves. */
    private static final int GRAIN = 1 << 15;

    private StridedCopy() {
    }

    static void copy(int[] shape, CpuBuffer src, int srcOffset, int[] srcStrides, CpuBuffer dst, int dstOffset,
                     int[] dstStrides) {
        if (src.dtype() != dst.dtype()) {
            throw new IllegalArgumentException("copy: src is " + src.dtype() + " but dst is " + dst.dtype()
                    + "; both must have the same dtype");
        }
        Strides.elementCount("copy", shape);
        Strides.checkOperand("copy", "src", shape, srcOffset, srcStrides, src.length());
        Strides.checkOperand("copy", "dst", shape, dstOffset, dstStrides, dst.length());
        Object from = src.storage();
        Object to = dst.storage();
        StridedLoop loop = StridedLoop.of(shape, srcStrides, dstStrides);
        int ss = loop.innerStride(0);
        int ds = loop.innerStride(1);
        loop.forEach(new int[] {srcOffset, dstOffset}, GRAIN, (at, n) -> run(from, at[0], ss, to, at[1], ds, n));
    }

    private static void run(Object src, int si, int ss, Object dst, int di, int ds, int n) {
        if (ss == 1 && ds == 1) {
            System.arraycopy(src, si, dst, di, n);
        } else if (src instanceof float[] s) {
            run(s, si, ss, (float[]) dst, di, ds, n);
        } else if (src instanceof short[] s) {
            run(s, si, ss, (short[]) dst, di, ds, n);
        } else {
            run((int[]) src, si, ss, (int[]) dst, di, ds, n);
        }
    }

    // The versions differ only in the element type, which Java generics cannot abstract over.
    private static void run(float[] src, int si, int ss, float[] dst, int di, int ds, int n) {
        if (ss == 0 && ds == 1) {
            Arrays.fill(dst, di, di + n, src[si]);
            return;
        }
        for (int k = 0; k < n; k++) {
            dst[di + k * ds] = src[si + k * ss];
        }
    }

    private static void run(int[] src, int si, int ss, int[] dst, int di, int ds, int n) {
        if (ss == 0 && ds == 1) {
            Arrays.fill(dst, di, di + n, src[si]);
            return;
        }
        for (int k = 0; k < n; k++) {
            dst[di + k * ds] = src[si + k * ss];
        }
    }

    private static void run(short[] src, int si, int ss, short[] dst, int di, int ds, int n) {
        if (ss == 0 && ds == 1) {
            Arrays.fill(dst, di, di + n, src[si]);
            return;
        }
        for (int k = 0; k < n; k++) {
            dst[di + k * ds] = src[si + k * ss];
        }
    }
}
