package org.jgrad.cpu.gemm;

import org.jgrad.backend.Extents;
import org.jgrad.backend.GemmShape;

/** Rejects a GEMM whose leading dimensions, offsets, strides or arrays cannot hold its operands. */
final class GemmChecks {
    private GemmChecks() {
    }

    static void validate(GemmShape s, float[] a, float[] b, float[] c) {
        Extents.checkGemm(s, a.length, b.length, c.length);
    }
}
