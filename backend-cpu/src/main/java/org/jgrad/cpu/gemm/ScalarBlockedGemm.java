package org.jgrad.cpu.gemm;

/**
 * The path without the Vector API, written for C2's auto-vectoriser: a KC x NC panel of op(B) is
 * copied into one array per row, and each row of C is accumulated in a scratch row as a sum of
 * scaled B rows. The inner loop, {@code acc[j] = fma(a3, b3[j], ... fma(a0, b0[j], acc[j]))},
 * indexes every array from 0 with the loop counter alone, the form C2 vectorises on JDK 17. Each
 * element is {@link Sgemm}'s fma chain, so this path gives the Vector API path's bits.
 */
final class ScalarBlockedGemm implements BlockMultiplier {
    /** Steps of k per panel and columns per panel: the panel (512 KiB) stays in L2 for all rows. */
    private static final int KC = 256;
    private static final int NC = 512;
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    @Override
    public int rowStep() {
        return 1;
    }

    /** Thread chunks of whole 16-float vectors keep the auto-vectorised loops free of remainders. */
    @Override
    public int colStep() {
        return 16;
    }

    @Override
    public void multiply(GemmCall call, int entry, int i0, int i1, int j0, int j1) {
        Workspace ws = WORKSPACE.get();
        float[] a = call.a();
        float[] c = call.c();
        float alpha = call.shape().alpha();
        int k = call.shape().k();
        int aBase = call.aBase(entry);
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float beta = pc == 0 ? call.shape().beta() : 1f;
                packRows(call, entry, pc, kc, jc, nc, ws.panel);
                for (int i = i0; i < i1; i++) {
                    for (int p = 0; p < kc; p++) {
                        ws.aRow[p] = alpha * a[call.aIndex(aBase, i, pc + p)];
                    }
                    int cRow = call.cBase(entry) + i * call.shape().ldc() + jc;
                    for (int j = 0; j < nc; j++) {
                        ws.acc[j] = beta == 0f ? 0f : beta * c[cRow + j];
                    }
                    accumulate(ws.aRow, ws.panel, kc, ws.acc, nc);
                    System.arraycopy(ws.acc, 0, c, cRow, nc);
                }
            }
        }
    }

    /** acc[j] = fma(aRow[p], panel[p][j], acc[j]) for p = 0, 1, ... kc - 1, four rows of the panel per pass over acc. */
    private static void accumulate(float[] aRow, float[][] panel, int kc, float[] acc, int nc) {
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            float a0 = aRow[p];
            float a1 = aRow[p + 1];
            float a2 = aRow[p + 2];
            float a3 = aRow[p + 3];
            float[] b0 = panel[p];
            float[] b1 = panel[p + 1];
            float[] b2 = panel[p + 2];
            float[] b3 = panel[p + 3];
            for (int j = 0; j < nc; j++) {
                acc[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], acc[j]))));
            }
        }
        for (; p < kc; p++) {
            float a0 = aRow[p];
            float[] b0 = panel[p];
            for (int j = 0; j < nc; j++) {
                acc[j] = Math.fma(a0, b0[j], acc[j]);
            }
        }
    }

    /** panel[p][j] = op(B)(p0 + p, j0 + j) for p < kc, j < nc. */
    private static void packRows(GemmCall call, int entry, int p0, int kc, int j0, int nc, float[][] panel) {
        float[] b = call.b();
        int base = call.bBase(entry);
        for (int p = 0; p < kc; p++) {
            if (call.shape().transB()) {
                for (int j = 0; j < nc; j++) {
                    panel[p][j] = b[call.bIndex(base, p0 + p, j0 + j)];
                }
            } else {
                System.arraycopy(b, call.bIndex(base, p0 + p, j0), panel[p], 0, nc);
            }
        }
    }

    /** One thread's panel and scratch rows, kept for the next call. */
    private static final class Workspace {
        final float[][] panel = new float[KC][NC];
        final float[] aRow = new float[KC];
        final float[] acc = new float[NC];
    }
}
