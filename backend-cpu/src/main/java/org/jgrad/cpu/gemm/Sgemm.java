package org.jgrad.cpu.gemm;

import org.jgrad.backend.GemmShape;

/** PLACEHOLDER: filled in on its own branch; throws until then. */
public final class Sgemm {
    private Sgemm() {
    }

    /** C = alpha op(A) op(B) + beta C for every batch entry of {@code shape}. */
    public static void sgemm(GemmShape shape, float[] a, float[] b, float[] c) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
