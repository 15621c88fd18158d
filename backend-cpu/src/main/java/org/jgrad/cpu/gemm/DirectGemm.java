package org.jgrad.cpu.gemm;

import org.jgrad.backend.GemmShape;

/**
 * Loops straight over the operands, without packing: for matrix-vector products (m or n is 1),
 * where the packed kernel would mostly multiply padding. A wide C with B not transposed is built
 * from rows of B (axpy, every read contiguous); otherwise each element is a dot product along k,
 * kept in registers, which reads contiguous memory when B is transposed or C is one column.
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
                    c[cRow + j] += ap * b[bRow + j];
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
        float[] c = call.c();
        for (int i = i0; i < i1; i++) {
            int cRow = call.cBase(entry) + i * s.ldc();
            for (int j = j0; j < j1; j++) {
                float sum = dot(call.a(), call.aIndex(aBase, i, 0), aStep, call.b(), call.bIndex(bBase, 0, j), bStep, s.k());
                c[cRow + j] = s.alpha() * sum + (s.beta() == 0f ? 0f : s.beta() * c[cRow + j]);
            }
        }
    }

    /** sum of a[ai + p * aStep] * b[bi + p * bStep] for p < k, in four interleaved partial sums. */
    private static float dot(float[] a, int ai, int aStep, float[] b, int bi, int bStep, int k) {
        if (aStep == 1 && bStep == 1) {
            return contiguousDot(a, ai, b, bi, k);
        }
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            s0 += a[ai + p * aStep] * b[bi + p * bStep];
            s1 += a[ai + (p + 1) * aStep] * b[bi + (p + 1) * bStep];
            s2 += a[ai + (p + 2) * aStep] * b[bi + (p + 2) * bStep];
            s3 += a[ai + (p + 3) * aStep] * b[bi + (p + 3) * bStep];
        }
        for (; p < k; p++) {
            s0 += a[ai + p * aStep] * b[bi + p * bStep];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The common case of {@link #dot} with both steps 1, where C2 can drop the bounds checks. */
    private static float contiguousDot(float[] a, int ai, float[] b, int bi, int k) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            s0 += a[ai + p] * b[bi + p];
            s1 += a[ai + p + 1] * b[bi + p + 1];
            s2 += a[ai + p + 2] * b[bi + p + 2];
            s3 += a[ai + p + 3] * b[bi + p + 3];
        }
        for (; p < k; p++) {
            s0 += a[ai + p] * b[bi + p];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
