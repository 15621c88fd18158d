package org.jgrad.cpu.gemm;

/**
 * Loops straight over the operands, without packing: for products too small or too thin for the
 * packed kernels to pay back their packing (4x4 blocks, m = 1 matrix-vector products). When B is
 * not transposed the inner loop runs along a row of B and C (axpy); otherwise along a row of B
 * as stored (dot products), so the innermost loop reads contiguous memory in both cases.
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
        if (call.shape().transB()) {
            dots(call, entry, i0, i1, j0, j1);
        } else {
            axpys(call, entry, i0, i1, j0, j1);
        }
    }

    private static void axpys(GemmCall call, int entry, int i0, int i1, int j0, int j1) {
        float[] a = call.a();
        float[] b = call.b();
        float[] c = call.c();
        int k = call.shape().k();
        int ldb = call.shape().ldb();
        float alpha = call.shape().alpha();
        int aBase = call.aBase(entry);
        int bBase = call.bBase(entry) + j0;
        call.scaleC(entry, i0, i1, j0, j1, call.shape().beta());
        for (int i = i0; i < i1; i++) {
            int cRow = call.cBase(entry) + i * call.shape().ldc() + j0;
            for (int p = 0; p < k; p++) {
                float ap = alpha * a[call.aIndex(aBase, i, p)];
                int bRow = bBase + p * ldb;
                for (int j = 0; j < j1 - j0; j++) {
                    c[cRow + j] += ap * b[bRow + j];
                }
            }
        }
    }

    private static void dots(GemmCall call, int entry, int i0, int i1, int j0, int j1) {
        float[] a = call.a();
        float[] b = call.b();
        float[] c = call.c();
        int k = call.shape().k();
        float alpha = call.shape().alpha();
        float beta = call.shape().beta();
        int aBase = call.aBase(entry);
        int bBase = call.bBase(entry);
        for (int i = i0; i < i1; i++) {
            int cRow = call.cBase(entry) + i * call.shape().ldc();
            for (int j = j0; j < j1; j++) {
                int bRow = call.bIndex(bBase, 0, j);
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[call.aIndex(aBase, i, p)] * b[bRow + p];
                }
                c[cRow + j] = alpha * sum + (beta == 0f ? 0f : beta * c[cRow + j]);
            }
        }
    }
}
