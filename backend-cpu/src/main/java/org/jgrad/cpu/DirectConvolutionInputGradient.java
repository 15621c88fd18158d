package org.jgrad.cpu;

import static org.jgrad.cpu.DirectConvolution.GRAIN_WORK;
import static org.jgrad.cpu.DirectConvolution.LANES;
import static org.jgrad.cpu.DirectConvolution.SPECIES;
import static org.jgrad.cpu.DirectConvolution.TILE_W;
import static org.jgrad.cpu.DirectConvolution.VECTOR;
import static org.jgrad.cpu.DirectConvolution.copyOut;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import org.jgrad.backend.ConvGeometry;

/**
 * The input gradient of {@link DirectConvolution}'s convolution without a column matrix: a tile of
 * 4 input channels x 2 vectors along an input row (or, when a row fits in one vector, one vector in
 * each of two rows). Each pixel is the composed default's value, col2im of the columns' gradient:
 * from 0, for each tap (ki, kj) in order whose window lies in the output, plus that column entry,
 * itself the chain from 0 of fma(weight(o, c, ki, kj), grad(n, o, oh, ow), t) over o. The
 * gradient is read from a per-image copy with a zero margin on every side, so no read needs a
 * bounds test: a lane whose window lies outside the output chains fma(weight, 0, t) from 0,
 * which is +0 for finite weights, and adding +0 leaves a sum that started at +0 unchanged (it is
 * never -0), so those lanes get col2im's bits without a mask (a masked add was boxed on AVX2, JDK 17).
 * With a non-finite weight that no longer holds: {@link #applies} sends such calls to the default.
 * Threads take (image, 4 channels) units.
 */
final class DirectConvolutionInputGradient {
    private static final int TILE_C = 4;

    private DirectConvolutionInputGradient() {
    }

    /** Whether every weight is finite, which the unmasked border lanes need (see above). */
    static boolean applies(float[] weight, int length) {
        for (int i = 0; i < length; i++) {
            if (!Float.isFinite(weight[i])) {
                return false;
            }
        }
        return true;
    }

    static void compute(ConvGeometry g, int outChannels, float[] weight, float[] grad, float[] gradImage) {
        int channels = g.channels();
        int taps = g.kernelH() * g.kernelW();
        int tiles = (channels + TILE_C - 1) / TILE_C;
        // weight (o, c, tap) as (channel tile, tap, o, 4)
        float[] packed = new float[tiles * taps * outChannels * TILE_C];
        for (int o = 0; o < outChannels; o++) {
            for (int c = 0; c < channels; c++) {
                for (int t = 0; t < taps; t++) {
                    packed[(((c / TILE_C) * taps + t) * outChannels + o) * TILE_C + c % TILE_C] =
                            weight[(o * channels + c) * taps + t];
                }
            }
        }
        int margin = g.kernelW() - 1;
        // a row no wider than one vector: two input rows a tile, not one row in two vectors
        boolean twoRows = g.width() <= LANES;
        int tileWidth = twoRows ? LANES : TILE_W;
        int width = margin + (g.width() + tileWidth - 1) / tileWidth * tileWidth + g.padW();
        int top = g.kernelH() - 1;
        // output rows -top .. outH + top, zero outside the gradient, so every tap reads a row
        int plane = (g.outH() + 2 * top + 1) * width;
        int imagePlane = g.height() * g.width();
        long unitWork = (long) TILE_C * taps * outChannels * imagePlane;
        Parallel.forRange(g.batch() * tiles, (int) Math.max(1, GRAIN_WORK / unitWork), (from, to) -> {
            float[] padded = new float[outChannels * plane];
            float[] scratch = new float[TILE_C * TILE_W];
            int loaded = -1;
            for (int unit = from; unit < to; unit++) {
                int n = unit / tiles;
                int c0 = unit % tiles * TILE_C;
                if (n != loaded) {
                    for (int o = 0; o < outChannels; o++) {
                        for (int oh = 0; oh < g.outH(); oh++) {
                            System.arraycopy(grad, ((n * outChannels + o) * g.outH() + oh) * g.outW(), padded,
                                    o * plane + (oh + top) * width + margin, g.outW());
                        }
                    }
                    loaded = n;
                }
                int count = Math.min(TILE_C, channels - c0);
                int first = (n * channels + c0) * imagePlane;
                // two-row tiles: one per row pair (a row is at most LANES); else TILE_W columns of a row
                for (int ih = 0; ih < g.height(); ih += twoRows ? 2 : 1) {
                    for (int iw = 0; iw < g.width(); iw += TILE_W) {
                        int valid = Math.min(TILE_W, g.width() - iw);
                        tile(g, outChannels, packed, c0 / TILE_C * taps, padded, plane, width, margin + top * width, ih, iw,
                                twoRows ? width : LANES, scratch);
                        copyOut(scratch, 0, gradImage, first + ih * g.width() + iw, imagePlane, count, valid);
                        if (twoRows && ih + 1 < g.height()) {
                            copyOut(scratch, LANES, gradImage, first + (ih + 1) * g.width(), imagePlane, count, valid);
                        }
                    }
                }
            }
        });
    }

    /**
     * Pixels (ih, iw..iw + LANES) of the tile's channels into scratch, one row of TILE_W each, and
     * after them the pixels {@code second} further in the padded gradient: the next LANES of the row
     * (second = LANES) or the same columns of the next row (second = the padded width). Output row
     * oh of the padded gradient starts at {@code origin + oh * width}.
     */
    private static void tile(ConvGeometry g, int outChannels, float[] w, int tapBase, float[] gp, int plane, int width,
                             int origin, int ih, int iw, int second, float[] scratch) {
        // the sums live in scratch between taps: vectors carried across the tap loops were boxed
        Arrays.fill(scratch, 0f);
        for (int ki = 0, tap = tapBase; ki < g.kernelH(); ki++) {
            int oh = ih + g.padH() - ki;
            for (int kj = 0; kj < g.kernelW(); kj++, tap++) {
                int ow = iw + g.padW() - kj; // the window of lane 0
                FloatVector t00 = VECTOR.cast(FloatVector.zero(SPECIES));
                FloatVector t01 = t00;
                FloatVector t10 = t00;
                FloatVector t11 = t00;
                FloatVector t20 = t00;
                FloatVector t21 = t00;
                FloatVector t30 = t00;
                FloatVector t31 = t00;
                int at = origin + oh * width + ow;
                for (int wi = tap * outChannels * TILE_C, end = wi + outChannels * TILE_C; wi < end; wi += TILE_C, at += plane) {
                    FloatVector b0 = FloatVector.fromArray(SPECIES, gp, at);
                    FloatVector b1 = FloatVector.fromArray(SPECIES, gp, at + second);
                    FloatVector a = FloatVector.broadcast(SPECIES, w[wi]);
                    t00 = a.fma(b0, t00);
                    t01 = a.fma(b1, t01);
                    a = FloatVector.broadcast(SPECIES, w[wi + 1]);
                    t10 = a.fma(b0, t10);
                    t11 = a.fma(b1, t11);
                    a = FloatVector.broadcast(SPECIES, w[wi + 2]);
                    t20 = a.fma(b0, t20);
                    t21 = a.fma(b1, t21);
                    a = FloatVector.broadcast(SPECIES, w[wi + 3]);
                    t30 = a.fma(b0, t30);
                    t31 = a.fma(b1, t31);
                }
                add(scratch, 0, t00);
                add(scratch, LANES, t01);
                add(scratch, TILE_W, t10);
                add(scratch, TILE_W + LANES, t11);
                add(scratch, 2 * TILE_W, t20);
                add(scratch, 2 * TILE_W + LANES, t21);
                add(scratch, 3 * TILE_W, t30);
                add(scratch, 3 * TILE_W + LANES, t31);
            }
        }
    }

    private static void add(float[] sums, int at, FloatVector t) {
        VECTOR.cast(FloatVector.fromArray(SPECIES, sums, at).add(t)).intoArray(sums, at);
    }
}
