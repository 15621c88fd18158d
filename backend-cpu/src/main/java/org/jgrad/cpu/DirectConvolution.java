package org.jgrad.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.ConvGeometry;

/**
 * conv2d forward without a column matrix, for stride 1, dilation 1 and one group (the Vector API
 * path): a tile of 4 output channels x 2 vectors along an output row reads its taps straight from
 * a {@link PaddedImage}, where the GEMM would read a packed copy of im2col's columns. Every output
 * is the GEMM's chain (from 0, fma over r = (c, ki, kj) in order, zero padding included), so the
 * bits equal the composed default's and the scalar path's. Threads take (image, channel tile)
 * pairs, each a disjoint part of the output.
 */
final class DirectConvolution {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int TILE_W = 2 * LANES;
    private static final int TILE_O = 4;
    /** Multiply-adds below which a chunk of work stays on one thread (a hand-off costs ~40 us). */
    static final int GRAIN_WORK = 1 << 18;
    /** The concrete vector class: casts keep C2 from boxing the accumulators (see the GEMM's micro-kernel). */
    @SuppressWarnings("unchecked")
    static final Class<FloatVector> VECTOR = (Class<FloatVector>) SPECIES.vectorType();

    private DirectConvolution() {
    }

    static void forward(ConvGeometry g, int outChannels, float[] image, float[] weight, float[] out) {
        int rows = g.colRows();
        int tiles = (outChannels + TILE_O - 1) / TILE_O;
        float[] packed = new float[tiles * rows * TILE_O];
        for (int o = 0; o < outChannels; o++) {
            for (int r = 0; r < rows; r++) {
                packed[((o / TILE_O) * rows + r) * TILE_O + o % TILE_O] = weight[o * rows + r];
            }
        }
        long unitWork = (long) TILE_O * rows * g.colCols();
        Parallel.forRange(g.batch() * tiles, (int) Math.max(1, GRAIN_WORK / unitWork), (from, to) -> {
            PaddedImage x = new PaddedImage(g, TILE_W);
            int[] offsets = x.tapOffsets();
            float[] scratch = new float[TILE_O * TILE_W];
            int loaded = -1;
            for (int unit = from; unit < to; unit++) {
                int n = unit / tiles;
                int tile = unit % tiles;
                if (n != loaded) {
                    x.load(image, n);
                    loaded = n;
                }
                int o0 = tile * TILE_O;
                int count = Math.min(TILE_O, outChannels - o0);
                for (int oh = 0; oh < g.outH(); oh++) {
                    for (int ow = 0; ow < g.outW(); ow += TILE_W) {
                        int at = ((n * outChannels + o0) * g.outH() + oh) * g.outW() + ow;
                        int valid = Math.min(TILE_W, g.outW() - ow);
                        tile(packed, tile * rows * TILE_O, x.values, oh * x.width + ow, offsets, out, at,
                                g.colCols(), count, valid, scratch);
                    }
                }
            }
        });
    }

    /**
     * out[at + i * plane + j] for i < count, j < valid = the chain over the taps of weights
     * w[wo + r * 4 + i] and pixels x[xo + offsets[r] + j].
     */
    private static void tile(float[] w, int wo, float[] x, int xo, int[] offsets, float[] out, int at, int plane,
                             int count, int valid, float[] scratch) {
        FloatVector c00 = VECTOR.cast(FloatVector.zero(SPECIES));
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        // indexed by r, so C2 can drop the bounds checks on the weights
        for (int r = 0; r < offsets.length; r++) {
            int xr = xo + offsets[r];
            int wr = wo + r * TILE_O;
            FloatVector b0 = FloatVector.fromArray(SPECIES, x, xr);
            FloatVector b1 = FloatVector.fromArray(SPECIES, x, xr + LANES);
            FloatVector a = FloatVector.broadcast(SPECIES, w[wr]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(SPECIES, w[wr + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(SPECIES, w[wr + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(SPECIES, w[wr + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
        }
        VECTOR.cast(c00).intoArray(scratch, 0);
        VECTOR.cast(c01).intoArray(scratch, LANES);
        VECTOR.cast(c10).intoArray(scratch, TILE_W);
        VECTOR.cast(c11).intoArray(scratch, TILE_W + LANES);
        VECTOR.cast(c20).intoArray(scratch, 2 * TILE_W);
        VECTOR.cast(c21).intoArray(scratch, 2 * TILE_W + LANES);
        VECTOR.cast(c30).intoArray(scratch, 3 * TILE_W);
        VECTOR.cast(c31).intoArray(scratch, 3 * TILE_W + LANES);
        for (int i = 0; i < count; i++) {
            System.arraycopy(scratch, i * TILE_W, out, at + i * plane, valid);
        }
    }
}
