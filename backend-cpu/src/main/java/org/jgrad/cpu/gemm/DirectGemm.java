package org.jgrad.cpu.gemm;

import org.jgrad.backend.GemmShape;

/**
 * Loops straight over the operands, without packing: for matrix-vector products (m or n is 1),
 * where the packed kernel would mostly multiply padding. A wide C with B not transposed is built
 * from rows of B (axpy, every read contiguous); otherwise each element is a dot product along k,
 * kept in a register, which reads contiguous memory when B is transposed or C is one column.
 * Both are {@link Sgemm}'s fma chain, so a product gives the same bits here as through the blocked paths.
 */
final class DirectGemm implements BlockMultiplier {
    static final DirectGemm INSTANCE = new DirectGemm();

    private DirectGemm() {
    }

    @Override
    public int rowStep() {
        return 1;
    }

    @Override
    public int colStep() {
        return 1;
    }

    @Override
    public void multiply(GemmCall call, int entry, int i0, int i1, int j0, int j1) {
        GemmShape s = call.shape();
        if (s.transB() || s.n() == 1) {
            dots(call, entry, i0, i1, j0, j1);
        } else {
            axpys(call, entry, i0, i1, j0, j1);
        }
    }

    private static void axpys(GemmCall call, int entry, int i0, int i1, int j0, int j1) {
        GemmShape s = call.shape();
        float[] a = call.a();
        float[] b = call.b();
        float[] c = call.c();
        int aBase = call.aBase(entry);
        int bBase = call.bBase(entry) + j0;
        call.scaleC(entry, i0, i1, j0, j1, s.beta());
        for (int i = i0; i < i1; i++) {
            int cRow = call.cBase(entry) + i * s.ldc() + j0;
            for (int p = 0; p < s.k(); p++) {
                float ap = s.alpha() * a[call.aIndex(aBase, i, p)];
                int bRow = bBase + p * s.ldb();
                for (int j = 0; j < j1 - j0; j++) {
                    c[cRow + j] = Math.fma(ap, b[bRow + j], c[cRow + j]);
                }
            }
        }
    }

    private static void dots(GemmCall call, int entry, int i0, int i1, int j0, int j1) {
        GemmShape s = call.shape();
        int aStep = s.transA() ? s.lda() : 1;
        int bStep = s.transB() ? 1 : s.ldb();
        int aBase = call.aBase(entry);
        int bBase = call.bBase(entry);
        float[] a = call.a();
        float[] b = call.b();
        float[] c = call.c();
        for (int i = i0; i < i1; i++) {
            int cRow = call.cBase(entry) + i * s.ldc();
            int ai = call.aIndex(aBase, i, 0);
            for (int j = j0; j < j1; j++) {
                int bi = call.bIndex(bBase, 0, j);
                float acc = s.beta() == 0f ? 0f : s.beta() * c[cRow + j];
                for (int p = 0; p < s.k(); p++) {
                    acc = Math.fma(s.alpha() * a[ai + p * aStep], b[bi + p * bStep], acc);
                }
                c[cRow + j] = acc;
            }
        }
    }
}
