package org.jgrad.cpu.gemm;

import org.jgrad.backend.Buffer;
import org.jgrad.backend.Extents;
import org.jgrad.backend.GemmShape;
import org.jgrad.backend.PreparedB;
import org.jgrad.cpu.Parallel;

/**
 * B packed once for a run of products ({@code Backend.prepareGemmB} on the Vector API path): for
 * each panel of k, as {@link VectorBlockedGemm} splits k, every strip of {@link VectorMicroKernel#NR}
 * columns of op(B), laid out as {@link Packing#packB} lays out a block. A product then sweeps these
 * strips instead of packing its own. Packing only copies, so the products' bits are those of B
 * packed at every product. An LSTM step's h W_hh^T packed its 1 MiB of B at each step, reading one
 * 64-byte row of a strip from each 4 KiB page (a page each, past hardware prefetch): in char-lm,
 * 13% of the time.
 */
public final class PackedB implements PreparedB {
    private static final int NR = VectorMicroKernel.NR;

    private final GemmShape shape;
    private final Buffer source;
    private final float[] sourceFloats;
    private final int panelDepth;
    private float[][][] panels;

    private PackedB(GemmShape shape, Buffer source, float[] sourceFloats, int panelDepth, float[][][] panels) {
        this.shape = shape;
        this.source = source;
        this.sourceFloats = sourceFloats;
        this.panelDepth = panelDepth;
        this.panels = panels;
    }

    /** Packs op(B) of {@code shape} (its first batch entry) from {@code b}, the floats of {@code source}. */
    public static PackedB pack(GemmShape shape, float[] b, Buffer source) {
        Extents.checkGemmB(shape, b.length);
        GemmCall call = new GemmCall(shape, null, b, null, null);
        int k = shape.k();
        int n = shape.n();
        int depth = VectorBlockedGemm.panelDepth(k);
        int strips = (n + NR - 1) / NR;
        float[][][] panels = new float[k == 0 ? 0 : (k + depth - 1) / depth][][];
        for (int q = 0; q < panels.length; q++) {
            int pc = q * depth;
            int kc = Math.min(depth, k - pc);
            float[][] panel = new float[strips][NR * kc];
            panels[q] = panel;
            Parallel.forRange(strips, Math.max(1, (1 << 16) / (NR * kc)), (s0, s1) -> Packing.packB(call, 0, pc, kc,
                    s0 * NR, Math.min(n, s1 * NR) - s0 * NR, NR, panel, s0));
        }
        return new PackedB(shape, source, b, depth, panels);
    }

    @Override
    public Buffer buffer() {
        return source;
    }

    @Override
    public GemmShape shape() {
        return shape;
    }

    float[] sourceFloats() {
        return sourceFloats;
    }

    /**
     * The packed panel of k starting at step {@code pc} (a multiple of the panel depth): one array
     * per strip, that of column j (a multiple of NR) at index j / NR.
     */
    float[][] panel(int pc) {
        if (panels == null) {
            throw new IllegalStateException("gemm: the prepared B was closed");
        }
        return panels[pc / panelDepth];
    }

    @Override
    public void close() {
        panels = null;
    }
}
