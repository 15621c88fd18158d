package org.jgrad.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.ConvGeometry;

/**
 * conv2d forward without a column matrix, for stride 1, dilation 1 and one group (the Vector API
 * path): a tile of 4 output channels x 2 vectors along an output row (or, when a row fits in one
 * vector, one vector in each of two rows: a 14-wide row in two 16-lane vectors wasted 18 of 32
 * lanes) reads its taps straight from a {@link PaddedImage}, where the GEMM would read a packed
 * copy of im2col's columns. Every output is the GEMM's chain (from 0, fma over r = (c, ki, kj) in
 * order, zero padding included), so the bits equal the composed default's and the scalar path's.
 * Threads take (image, channel tile) pairs, each a disjoint part of the output.
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
        // a row no wider than one vector: two output rows a tile, not one row in two vectors
        boolean twoRows = g.outW() <= LANES;
        Parallel.forRange(g.batch() * tiles, (int) Math.max(1, GRAIN_WORK / unitWork), (from, to) -> {
            PaddedImage x = twoRows ? new PaddedImage(g, LANES, 1) : new PaddedImage(g, TILE_W, 0);
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
                int first = (n * outChannels + o0) * g.colCols();
                // two-row tiles: one per row pair (a row is at most LANES); else TILE_W columns of a row
                for (int oh = 0; oh < g.outH(); oh += twoRows ? 2 : 1) {
                    for (int ow = 0; ow < g.outW(); ow += TILE_W) {
                        int valid = Math.min(TILE_W, g.outW() - ow);
                        tile(packed, tile * rows * TILE_O, x.values, oh * x.width + ow, twoRows ? x.width : LANES, offsets,
                                scratch);
                        copyOut(scratch, 0, out, first + oh * g.outW() + ow, g.colCols(), count, valid);
                        if (twoRows && oh + 1 < g.outH()) {
                            copyOut(scratch, LANES, out, first + (oh + 1) * g.outW(), g.colCols(), count, valid);
                        }
                    }
                }
            }
        });
    }

    /**
     * {@code valid} values of each of a tile's {@code count} channels, from scratch (a row of TILE_W
     * each, read from {@code from}) to out (channel planes of {@code plane} from {@code at}).
     */
    static void copyOut(float[] scratch, int from, float[] out, int at, int plane, int count, int valid) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(scratch, from + i * TILE_W, out, at + i * plane, valid);
        }
    }

    /**
     * scratch[i * TILE_W + j] for i < 4, j < TILE_W = the chain over the taps of weights
     * w[wo + r * 4 + i] and pixels x[xo + offsets[r] + j] for j < LANES, x[xo + second +
     * offsets[r] + j - LANES] after: the next vector along the row (second = LANES) or the same
     * columns of the next output row (second = the padded width).
     */
    private static void tile(float[] w, int wo, float[] x, int xo, int second, int[] offsets, float[] scratch) {
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
            FloatVector b1 = FloatVector.fromArray(SPECIES, x, xr + second);
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
    }
}
