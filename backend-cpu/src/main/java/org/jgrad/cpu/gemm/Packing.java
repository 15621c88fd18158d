package org.jgrad.cpu.gemm;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(A) and op(B) into the layout the micro-kernel streams through: A as
 * strips of {@code mr} rows stored step by step (mr floats per step of k), B as strips of
 * {@code nr} columns stored row by row (nr floats per step of k, the strip kc x nr), each strip
 * from index 0 of its own array (see {@link VectorMicroKernel} for why). Strips at the block edge are
 * padded with zeros so the kernel always computes a full tile. Packing also removes transposes,
 * leading dimensions and offsets from the kernel's concern, and folds alpha into A.
 */
final class Packing {
    private static final VectorSpecies<Float> SPECIES = VectorMicroKernel.SPECIES;
    private static final int LANES = VectorMicroKernel.LANES;
    /** Strips of B packed together, row by row (see copyStrips). */
    static final int GROUP = 4;

    private Packing() {
    }

    /**
     * Packs op(A)(i0 + i, p0 + p) * alpha for i < mc, p < kc into {@code dst} as strips of mr
     * rows, strip s in {@code dst[s]}, each step by step: the mr values of step p side by side, so
     * the kernel reads one step's values at fixed offsets from one index. Each strip array holds
     * mr x kc floats and one vector more. A last strip of fewer rows is packed as the tile that
     * computes it takes them ({@link VectorMicroKernel#tileRows}).
     */
    static void packA(GemmCall call, int entry, int i0, int mc, int p0, int kc, int mr, float[][] dst) {
        float[] a = call.a();
        float alpha = call.shape().alpha();
        int base = call.aBase(entry);
        for (int strip = 0; strip < mc; strip += mr) {
            int rows = Math.min(mr, mc - strip);
            int height = VectorMicroKernel.tileRows(mr, rows);
            float[] out = dst[strip / mr];
            if (rows < height) {
                Arrays.fill(out, 0, height * kc, 0f);
            }
            if (call.shape().transA() && rows == height && height <= LANES
                    && call.aIndex(base, i0 + strip, p0 + kc - 1) + LANES <= a.length && kc * height + LANES <= out.length) {
                stepsSideBySide(a, call.aIndex(base, i0 + strip, p0), call.shape().lda(), alpha, out, kc, height);
            } else if (call.shape().transA()) {
                // op(A)(i, p) = a[p * lda + i]: the rows of one step lie side by side
                for (int p = 0; p < kc; p++) {
                    int src = call.aIndex(base, i0 + strip, p0 + p);
                    for (int r = 0; r < rows; r++) {
                        out[p * height + r] = alpha * a[src + r];
                    }
                }
            } else {
                interleaveRows(a, call.aIndex(base, i0 + strip, p0), call.shape().lda(), rows, alpha, out, height, kc);
            }
        }
    }

    /**
     * Rows of {@code src}, each read along its length, written side by side step by step:
     * out[p * stride + r] = scale * src[s + r * ld + p] for r < rows, p < kc. Four rows a pass:
     * one row a pass, with its stores {@code stride} apart, ran at half the speed (1.45 against
     * 0.72 ns an element for the MNIST MLP's 128 x 784 input, the CPU backend's MLP step 12% of
     * its time in this copy).
     */
    private static void interleaveRows(float[] src, int s, int ld, int rows, float scale, float[] out, int stride, int kc) {
        int r = 0;
        for (; r + 4 <= rows; r += 4, s += 4 * ld) {
            int s1 = s + ld;
            int s2 = s1 + ld;
            int s3 = s2 + ld;
            for (int p = 0, q = r; p < kc; p++, q += stride) {
                out[q] = scale * src[s + p];
                out[q + 1] = scale * src[s1 + p];
                out[q + 2] = scale * src[s2 + p];
                out[q + 3] = scale * src[s3 + p];
            }
        }
        for (; r < rows; r++, s += ld) {
            for (int p = 0, q = r; p < kc; p++, q += stride) {
                out[q] = scale * src[s + p];
            }
        }
    }

    /**
     * A strip of transposed A: the mr values of each step lie side by side in {@code a}, steps
     * {@code ld} apart. Each step is copied as a whole vector, of which only the first mr lanes
     * count: the rest land where the next step goes, and are overwritten by it (the last step's
     * spill goes past the strip, where the caller guarantees room). One load and one store per
     * step instead of mr of each.
     */
    private static void stepsSideBySide(float[] a, int src, int ld, float alpha, float[] dst, int kc, int mr) {
        for (int p = 0, out = 0; p < kc; p++, src += ld, out += mr) {
            FloatVector.fromArray(SPECIES, a, src).mul(alpha).intoArray(dst, out);
        }
    }

    /**
     * Up to {@link #GROUP} whole strips of B as stored (not transposed) from column {@code src}:
     * row by row, each row's strips copied side by side into their own strips, so B is read a
     * few cache lines at a time along its rows rather than one line per row down a column (rows of
     * an LSTM's W_hh^T lie 4 KiB apart, a page each, where hardware prefetch stops). Vector copies:
     * System.arraycopy's call cost as much as a 16-float copy.
     */
    private static void copyStrips(float[] b, int src, int ld, float[][] dst, int first, int kc, int nr, int strips) {
        for (int p = 0, out = 0; p < kc; p++, src += ld, out += nr) {
            for (int s = 0; s < strips; s++) {
                float[] strip = dst[first + s];
                for (int j = 0; j < nr; j += LANES) {
                    FloatVector.fromArray(SPECIES, b, src + s * nr + j).intoArray(strip, out + j);
                }
            }
        }
    }

    /**
     * Packs op(B)(p0 + p, j0 + j) for p < kc, j < nc as strips of nr columns, strip s in
     * {@code dst[first + s]} (each at least kc x nr floats).
     */
    static void packB(GemmCall call, int entry, int p0, int kc, int j0, int nc, int nr, float[][] dst, int first) {
        float[] b = call.b();
        int base = call.bBase(entry);
        int strip = 0;
        if (!call.shape().transB()) {
            while (strip + nr <= nc) {
                int strips = Math.min(GROUP, (nc - strip) / nr);
                copyStrips(b, call.bIndex(base, p0, j0 + strip), call.shape().ldb(), dst, first + strip / nr, kc, nr, strips);
                strip += strips * nr;
            }
        }
        for (; strip < nc; strip += nr) {
            int cols = Math.min(nr, nc - strip);
            float[] out = dst[first + strip / nr];
            if (cols < nr) {
                Arrays.fill(out, 0, nr * kc, 0f);
            }
            if (call.shape().transB()) {
                // op(B)(p, j) = b[j * ldb + p]: each column of a strip lies along a row of b
                interleaveRows(b, call.bIndex(base, p0, j0 + strip), call.shape().ldb(), cols, 1f, out, nr, kc);
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, call.bIndex(base, p0 + p, j0 + strip), out, p * nr, cols);
                }
            }
        }
    }
}
