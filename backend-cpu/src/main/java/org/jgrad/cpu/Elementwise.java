package org.jgrad.cpu;

import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/** PLACEHOLDER: filled in on its own branch; every method throws until then. */
final class Elementwise {
    private Elementwise() {
    }

    static void fill(CpuBuffer dst, float value) { throw new UnsupportedOperationException("not implemented yet"); }

    static void cast(CpuBuffer src, CpuBuffer dst) { throw new UnsupportedOperationException("not implemented yet"); }

    static void unary(UnaryOp op, float alpha, float[] x, float[] out) { throw new UnsupportedOperationException("not implemented yet"); }

    static void binary(BinaryOp op, int[] shape, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out) { throw new UnsupportedOperationException("not implemented yet"); }

    static void where(int[] shape, float[] cond, int[] condStrides, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out) { throw new UnsupportedOperationException("not implemented yet"); }
}
