package org.jgrad.cpu.gemm;

import java.util.Arrays;

/**
 * The Vector API path, blocked for the caches in the GotoBLAS/BLIS manner: a KC x NC panel of B
 * is packed once and reused by every MC x KC block of A; within them the {@link VectorMicroKernel}
 * sweeps MR x NR tiles, so one KC x NR strip of B stays in L1 while the A block streams from L2.
 * Packing buffers are per thread and reused across calls. Every element of C is
 * {@link Sgemm}'s one fma chain, whichever tile, panel or thread computes it.
 */
final class VectorBlockedGemm implements BlockMultiplier {
    private static final int NR = VectorMicroKernel.NR;
    /**
     * Steps of k per packed panel. With 8-lane vectors 256: a KC x NR strip of B (16 KiB) fits L1.
     * With 16 lanes 512: the strip (64 KiB) streams from L2, but each tile of C is loaded and
     * stored half as often; n = 1024 on the Zen 5 ran 1.15x as fast as with 256 (docs/PERFORMANCE.md).
     */
    private static final int KC = VectorMicroKernel.LANES >= 16 ? 512 : 256;
    /** Rows of A per packed block: MC x KC floats (96 KiB, or 192 with KC 512) sit in L2 next to the B strip. */
    private static final int MC = 96;
    /** Columns of B per packed panel: KC x NC floats (1 or 2 MiB), shared by all blocks of A. */
    private static final int NC = 1024;
    /** The start of every chain of a tile with beta 0: never written. */
    private static final float[] ZEROS = new float[8 * NR];
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);
    /** Rows of the register tile: 4 or 8 (see {@link VectorMicroKernel}). */
    private final int mr;

    /** The path with register tiles of {@code rows} rows, 4 or 8. */
    VectorBlockedGemm(int rows) {
        if (rows != 4 && rows != 8) {
            throw new IllegalArgumentException("register tile of " + rows + " rows; expected 4 or 8");
        }
        this.mr = rows;
    }

    @Override
    public int rowStep() {
        return mr;
    }

    @Override
    public int colStep() {
        return NR;
    }

    @Override
    public void multiply(GemmCall call, int entry, int i0, int i1, int j0, int j1) {
        Workspace ws = WORKSPACE.get();
        int k = call.shape().k();
        int panelK = panelDepth(k);
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += panelK) {
                int kc = Math.min(panelK, k - pc);
                float beta = pc == 0 ? call.shape().beta() : 1f;
                if (call.packed() != null) {
                    sweepBlocks(call, entry, ws, i0, i1, pc, kc, jc, nc, beta, call.packed().panel(pc), jc / NR);
                } else if (i1 - i0 <= MC) {
                    multiplyOneBlock(call, entry, ws, i0, i1 - i0, pc, kc, jc, nc, beta);
                } else {
                    float[][] packedB = ws.packedB(ceilDiv(nc, NR), kc);
                    Packing.packB(call, entry, pc, kc, jc, nc, NR, packedB, 0);
                    sweepBlocks(call, entry, ws, i0, i1, pc, kc, jc, nc, beta, packedB, 0);
                }
            }
        }
    }

    /**
     * Steps of k per panel for a product of depth k: equal panels of at most KC. k = 784 makes 4
     * of 196, not 3 of 256 and a 16-step one that would reload and store every tile of C for little work.
     */
    static int panelDepth(int k) {
        return ceilDiv(k, ceilDiv(k, KC));
    }

    /** Every block of MC rows of A in [i0, i1) against the strips of B from {@code packedB[bFirst]} on. */
    private void sweepBlocks(GemmCall call, int entry, Workspace ws, int i0, int i1, int pc, int kc, int jc, int nc,
                             float beta, float[][] packedB, int bFirst) {
        for (int ic = i0; ic < i1; ic += MC) {
            int mc = Math.min(MC, i1 - ic);
            float[][] packedA = ws.packedA(ceilDiv(mc, mr), mr * kc);
            Packing.packA(call, entry, ic, mc, pc, kc, mr, packedA);
            sweepTiles(call, entry, ws, packedA, packedB, bFirst, ic, mc, jc, nc, kc, beta);
        }
    }

    /**
     * The mc x nc block at (ic, jc) when its rows are one block of A (few rows, as a recurrent
     * step's batch): each strip of B is used only by this block, so a few strips are packed just
     * before their sweep and stay in L1/L2, instead of a whole panel packed ahead that falls out to
     * L3 (1 MiB for an LSTM step's 256 x 1024) before the sweep reads it back.
     */
    private void multiplyOneBlock(GemmCall call, int entry, Workspace ws, int ic, int mc, int pc, int kc,
                                  int jc, int nc, float beta) {
        float[][] packedA = ws.packedA(ceilDiv(mc, mr), mr * kc);
        Packing.packA(call, entry, ic, mc, pc, kc, mr, packedA);
        float[][] strips = ws.packedB(Packing.GROUP, kc);
        for (int jr = jc; jr < jc + nc; jr += Packing.GROUP * NR) {
            int cols = Math.min(Packing.GROUP * NR, jc + nc - jr);
            Packing.packB(call, entry, pc, kc, jr, cols, NR, strips, 0);
            sweepTiles(call, entry, ws, packedA, strips, 0, ic, mc, jr, cols, kc, beta);
        }
    }

    /** Runs the micro-kernel over every tile of the mc x nc block of C at (ic, jc); B's strips start at {@code packedB[bFirst]}. */
    private void sweepTiles(GemmCall call, int entry, Workspace ws, float[][] packedA, float[][] packedB, int bFirst,
                            int ic, int mc, int jc, int nc, int kc, float beta) {
        float[] c = call.c();
        int ldc = call.shape().ldc();
        int cBlock = call.cBase(entry) + ic * ldc + jc;
        for (int jr = 0; jr < nc; jr += NR) {
            float[] bStrip = packedB[bFirst + jr / NR];
            for (int ir = 0; ir < mc; ir += mr) {
                float[] aStrip = packedA[ir / mr];
                int rows = Math.min(mr, mc - ir);
                int height = VectorMicroKernel.tileRows(mr, rows);
                int cols = Math.min(NR, nc - jr);
                int cTile = cBlock + ir * ldc + jr;
                // The kernel has no beta of its own: a branch there gave C2 a merge of two vector
                // values per accumulator, which it sometimes failed to keep in registers, depending
                // on the profile (3 MLP runs in 8 at a fifth of the speed). For beta 0 the chains start
                // from a tile of zeros, so C is only written, not zeroed and read back (1.02-1.04x
                // at n = 1024; docs/PERFORMANCE.md, "Chains that start from zeros").
                if (rows == height && cols == NR && beta == 0f) {
                    VectorMicroKernel.multiply(height, kc, aStrip, bStrip, ZEROS, 0, NR, c, cTile, ldc);
                } else if (rows == height && cols == NR) {
                    call.scaleC(entry, ic + ir, ic + ir + rows, jc + jr, jc + jr + cols, beta);
                    VectorMicroKernel.multiply(height, kc, aStrip, bStrip, c, cTile, ldc, c, cTile, ldc);
                } else {
                    // A partial tile goes through a scratch tile, so C outside the block is never touched.
                    loadEdge(c, cTile, ldc, rows, cols, beta, ws.edge);
                    VectorMicroKernel.multiply(height, kc, aStrip, bStrip, ws.edge, 0, NR, ws.edge, 0, NR);
                    storeEdge(ws.edge, c, cTile, ldc, rows, cols);
                }
            }
        }
    }

    /** tile = beta * C over the rows x cols corner, zeros elsewhere; with beta 0, C is not read. */
    private static void loadEdge(float[] c, int cTile, int ldc, int rows, int cols, float beta, float[] tile) {
        Arrays.fill(tile, 0f);
        for (int r = 0; beta != 0f && r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                tile[r * NR + j] = beta * c[cTile + r * ldc + j];
            }
        }
    }

    private static void storeEdge(float[] tile, float[] c, int cTile, int ldc, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, cTile + r * ldc, cols);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** One thread's packing buffers, grown on demand and kept for the next call. */
    private static final class Workspace {
        final float[] edge = new float[8 * NR];
        private float[][] packedA = new float[0][];
        private float[][] packedB = new float[0][];

        /** At least {@code strips} A strips of {@code floats} each, and one vector more, where packing may spill (see Packing). */
        float[][] packedA(int strips, int floats) {
            packedA = grown(packedA, strips, floats + VectorMicroKernel.LANES);
            return packedA;
        }

        /** At least {@code strips} B strips of depth kc. */
        float[][] packedB(int strips, int kc) {
            packedB = grown(packedB, strips, NR * kc);
            return packedB;
        }

        private static float[][] grown(float[][] strips, int count, int size) {
            if (strips.length >= count && (count == 0 || strips[0].length >= size)) {
                return strips;
            }
            return new float[Math.max(count, strips.length)][Math.max(size, strips.length == 0 ? 0 : strips[0].length)];
        }
    }
}
