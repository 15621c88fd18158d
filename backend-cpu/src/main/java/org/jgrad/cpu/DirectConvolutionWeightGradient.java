package org.jgrad.cpu;

import static org.jgrad.cpu.DirectConvolution.GRAIN_WORK;
import static org.jgrad.cpu.DirectConvolution.LANES;
import static org.jgrad.cpu.DirectConvolution.SPECIES;
import static org.jgrad.cpu.DirectConvolution.TILE_W;
import static org.jgrad.cpu.DirectConvolution.VECTOR;

import jdk.incubator.vector.FloatVector;
import org.jgrad.backend.ConvGeometry;

/**
 * The weight gradient of {@link DirectConvolution}'s convolution without a column matrix: a tile of
 * 4 taps x 2 vectors of output channels runs through the windows of one image at a time, tap values
 * broadcast from a {@link PaddedImage}, the gradient read from a per-image transpose (window, channel).
 * Each element is the composed default's chain, from 0, fma(column(r, j), grad(o, j), acc) over
 * every window j = (n, oh, ow) in order: the accumulators are stored after each image and reloaded
 * for the next, which splits the work for the caches without changing the order. Threads take
 * (tap tile, channel tile) pairs and each walks the whole batch, so none splits a chain.
 */
final class DirectConvolutionWeightGradient {
    private static final int TILE_R = 4;

    private DirectConvolutionWeightGradient() {
    }

    static void compute(ConvGeometry g, int outChannels, float[] image, float[] grad, float[] gradWeight) {
        int rows = g.colRows();
        int windows = g.colCols();
        int rowTiles = (rows + TILE_R - 1) / TILE_R;
        int channelTiles = (outChannels + TILE_W - 1) / TILE_W;
        int paddedChannels = channelTiles * TILE_W;
        // accumulators (rowTiles * 4, paddedChannels): tap r, channel o at r * paddedChannels + o
        float[] sums = new float[rowTiles * TILE_R * paddedChannels];
        long unitWork = (long) g.batch() * windows * TILE_R * TILE_W;
        Parallel.forRange(rowTiles * channelTiles, (int) Math.max(1, GRAIN_WORK / unitWork), (from, to) -> {
            PaddedImage x = new PaddedImage(g, TILE_W, 0);
            int[] offsets = x.tapOffsets();
            int[] pixels = x.windowOffsets();
            float[] transposed = new float[windows * paddedChannels];
            for (int n = 0; n < g.batch(); n++) {
                x.load(image, n);
                for (int o = 0; o < outChannels; o++) {
                    int src = (n * outChannels + o) * windows;
                    for (int p = 0; p < windows; p++) {
                        transposed[p * paddedChannels + o] = grad[src + p];
                    }
                }
                for (int unit = from; unit < to; unit++) {
                    int r0 = unit / channelTiles * TILE_R;
                    int o0 = unit % channelTiles * TILE_W;
                    tile(x, offsets, pixels, r0, rows, transposed, o0, paddedChannels, sums);
                }
            }
        });
        for (int o = 0; o < outChannels; o++) {
            for (int r = 0; r < rows; r++) {
                gradWeight[o * rows + r] = sums[r * paddedChannels + o];
            }
        }
    }

    /** Continues the chains of taps r0..r0+3 (those below {@code rows}) x channels o0.. over one image. */
    private static void tile(PaddedImage x, int[] offsets, int[] pixels, int r0, int rows, float[] transposed, int o0,
                             int ld, float[] sums) {
        int s0 = r0 * ld + o0;
        FloatVector c00 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0));
        FloatVector c01 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0 + LANES));
        FloatVector c10 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0 + ld));
        FloatVector c11 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0 + ld + LANES));
        FloatVector c20 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0 + 2 * ld));
        FloatVector c21 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0 + 2 * ld + LANES));
        FloatVector c30 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0 + 3 * ld));
        FloatVector c31 = VECTOR.cast(FloatVector.fromArray(SPECIES, sums, s0 + 3 * ld + LANES));
        // taps past the last row repeat it; their sums land in rows that are never read
        int off0 = offsets[r0];
        int off1 = offsets[Math.min(r0 + 1, rows - 1)];
        int off2 = offsets[Math.min(r0 + 2, rows - 1)];
        int off3 = offsets[Math.min(r0 + 3, rows - 1)];
        float[] v = x.values;
        int gp = o0;
        // one flat loop over the windows: with a loop per output row around it, C2 boxed the accumulators
        for (int pixel : pixels) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, transposed, gp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, transposed, gp + LANES);
            FloatVector a = FloatVector.broadcast(SPECIES, v[pixel + off0]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(SPECIES, v[pixel + off1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(SPECIES, v[pixel + off2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(SPECIES, v[pixel + off3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            gp += ld;
        }
        VECTOR.cast(c00).intoArray(sums, s0);
        VECTOR.cast(c01).intoArray(sums, s0 + LANES);
        VECTOR.cast(c10).intoArray(sums, s0 + ld);
        VECTOR.cast(c11).intoArray(sums, s0 + ld + LANES);
        VECTOR.cast(c20).intoArray(sums, s0 + 2 * ld);
        VECTOR.cast(c21).intoArray(sums, s0 + 2 * ld + LANES);
        VECTOR.cast(c30).intoArray(sums, s0 + 3 * ld);
        VECTOR.cast(c31).intoArray(sums, s0 + 3 * ld + LANES);
    }
}
