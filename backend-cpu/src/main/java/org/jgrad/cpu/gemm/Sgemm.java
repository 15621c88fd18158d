package org.jgrad.cpu.gemm;

import org.jgrad.backend.GemmShape;
import org.jgrad.cpu.Parallel;
import org.jgrad.cpu.VectorSupport;

/**
 * Single-precision GEMM on Java arrays, the whole {@link GemmShape} contract: batches, transposes,
 * alpha and beta, offsets, leading dimensions and batch strides (0 reuses one matrix). Products
 * go through a packed, cache-blocked kernel (the Vector API one when {@link VectorSupport#gemmReady()},
 * else one shaped for C2's auto-vectoriser), except matrix-vector products, which loop directly.
 * Work is split across cores by columns or rows of C, or by batch entry when each entry is small.
 *
 * <p>Every element of C is one chain in a fixed order, whatever the path, blocking or thread
 * count: acc = beta C(i, j) (0 when beta is 0), then acc = fma(alpha A(i, p), B(p, j), acc) for
 * p = 0, 1, ..., k - 1, with alpha A(i, p) rounded to float first (exact when alpha is 1). Threads
 * split only C, never k, so the bits do not depend on how many there are.
 *
 * <p>As in BLAS, beta = 0 overwrites C without reading it (NaN there does not survive), and
 * alpha = 0 or k = 0 only scales C by beta, without reading A or B. If batch entries of C
 * overlap (a C batch stride of 0, say) the entries are applied one after another, in order.
 */
public final class Sgemm {
    /**
     * Multiply-adds (m n k) below which one thread does the whole product. On the 2-core Zen 3
     * test machine two threads ran an LSTM step's 32 x 1024 x 256 (8.4M) 1.4-1.6 times as fast as
     * one; an empty two-chunk {@code Parallel.forRange} round trip took 10 us (median) when the
     * other thread slept, 0.5 us when it spins (see WorkerTeam), so 4M (some 50 us on one core)
     * still pays when the worker has gone to sleep.
     */
    private static final long PARALLEL_WORK = 1L << 22;
    /** How many row-copied elements one element packed from a transposed operand costs (see splitRows). */
    private static final double TRANSPOSED_PACK_COST = 4;
    private static final BlockMultiplier SCALAR = new ScalarBlockedGemm();
    private static final BlockMultiplier VECTOR =
            VectorSupport.enabled() ? new VectorBlockedGemm(VectorMicroKernel.PREFERRED_ROWS) : null;

    private Sgemm() {
    }

    /** C = alpha op(A) op(B) + beta C for every batch entry of {@code shape}. */
    public static void sgemm(GemmShape shape, float[] a, float[] b, float[] c) {
        run(new GemmCall(shape, a, b, c, null));
    }

    /**
     * C = alpha op(A) op(B) + beta C with B packed already ({@link PackedB}, which must fit the
     * shape): the same bits as {@link #sgemm(GemmShape, float[], float[], float[])} with B itself.
     * Only the Vector API path reads the packed strips; matrix-vector products read B as stored.
     */
    public static void sgemm(GemmShape shape, float[] a, PackedB b, float[] c) {
        b.requireFits(shape);
        run(new GemmCall(shape, a, b.sourceFloats(), c, b));
    }

    /**
     * Rows [i0, i1) of C = alpha op(A) op(B) + beta C for a one-entry {@code shape}, on the calling
     * thread, B read from {@code packed} when it is not null (see {@link PackedB}): for a caller that
     * splits rows across threads itself. Each element is the same chain as in a whole product.
     */
    public static void multiplyRows(GemmShape shape, float[] a, float[] b, PackedB packed, float[] c, int i0, int i1) {
        if (packed != null) {
            packed.requireFits(shape);
        }
        GemmChecks.validate(shape, a, b, c);
        if (shape.batch() != 1 || i0 < 0 || i1 > shape.m() || i0 > i1) {
            throw new IllegalArgumentException("gemm: rows [" + i0 + ", " + i1 + ") of a product with batch=" + shape.batch()
                    + " m=" + shape.m() + "; expected one batch entry and rows within [0, m)");
        }
        if (i0 < i1 && shape.n() > 0) {
            multiplyRange(new GemmCall(shape, a, b, c, packed), 0, i0, i1);
        }
    }

    /** Rows of the blocked kernel's register tile: a row split in multiples of it keeps every tile whole. */
    public static int rowStep() {
        return blocked().rowStep();
    }

    /** The blocked path: the Vector API one once its kernels are compiled ({@link VectorSupport#gemmReady()}), else the scalar one. */
    private static BlockMultiplier blocked() {
        return VectorSupport.gemmReady() ? VECTOR : SCALAR;
    }

    private static void run(GemmCall call) {
        GemmShape shape = call.shape();
        GemmChecks.validate(shape, call.a(), call.b(), call.c());
        if (shape.batch() == 0 || shape.m() == 0 || shape.n() == 0) {
            return;
        }
        long work = (long) shape.m() * shape.n() * Math.max(1, shape.k());
        if (shape.batch() > 1 && work < PARALLEL_WORK && entriesDisjoint(shape)) {
            int grain = (int) Math.max(1, PARALLEL_WORK / work);
            Parallel.forRange(shape.batch(), grain, (e0, e1) -> {
                for (int entry = e0; entry < e1; entry++) {
                    multiplyEntry(call, entry, false);
                }
            });
        } else {
            for (int entry = 0; entry < shape.batch(); entry++) {
                multiplyEntry(call, entry, work >= PARALLEL_WORK);
            }
        }
    }

    private static void multiplyEntry(GemmCall call, int entry, boolean parallel) {
        GemmShape s = call.shape();
        if (!parallel || s.k() == 0 || s.alpha() == 0f) {
            multiplyRange(call, entry, 0, s.m());
            return;
        }
        BlockMultiplier path = isSmall(s) ? DirectGemm.INSTANCE : blocked();
        // One chunk of whole register tiles per thread. Each thread packs its own operands, so a
        // row split copies all of B in every thread and a column split all of A: split the side
        // whose whole copy is cheaper (see splitRows), as long as each thread gets a tile.
        int colTiles = ceilDiv(s.n(), path.colStep());
        int rowTiles = ceilDiv(s.m(), path.rowStep());
        if (splitRows(s, rowTiles, colTiles)) {
            Parallel.forRange(rowTiles, 1, (t0, t1) -> path.multiply(call, entry,
                    t0 * path.rowStep(), Math.min(s.m(), t1 * path.rowStep()), 0, s.n()));
        } else {
            Parallel.forRange(colTiles, 1, (t0, t1) -> path.multiply(call, entry, 0, s.m(),
                    t0 * path.colStep(), Math.min(s.n(), t1 * path.colStep())));
        }
    }

    /** Rows [i0, i1) of one entry on the calling thread: only scaled by beta when k or alpha is 0. */
    private static void multiplyRange(GemmCall call, int entry, int i0, int i1) {
        GemmShape s = call.shape();
        if (s.k() == 0 || s.alpha() == 0f) {
            call.scaleC(entry, i0, i1, 0, s.n(), s.beta());
        } else {
            (isSmall(s) ? DirectGemm.INSTANCE : blocked()).multiply(call, entry, i0, i1, 0, s.n());
        }
    }

    /**
     * Whether to split C by rows rather than columns: the split with less packing per thread. A
     * transposed operand is packed element by element, several times slower than the row copies
     * of one as stored, so its elements count {@link #TRANSPOSED_PACK_COST} times. For the MLP's
     * x W^T (128x784 by the transpose of 256x784) a row split had each thread transpose all of W.
     */
    private static boolean splitRows(GemmShape s, int rowTiles, int colTiles) {
        int threads = Parallel.threads();
        if (rowTiles < threads || colTiles < threads) {
            return rowTiles >= colTiles;
        }
        double a = packCost((long) s.m() * s.k(), s.transA());
        double b = packCost((long) s.k() * s.n(), s.transB());
        return b + a / threads <= a + b / threads;
    }

    private static double packCost(long elements, boolean transposed) {
        return transposed ? TRANSPOSED_PACK_COST * elements : elements;
    }

    /**
     * Whether to skip packing: for a matrix-vector product (m or n is 1) the packed kernel would
     * mostly multiply padding. Everything else, even 4x4, measured faster packed.
     */
    private static boolean isSmall(GemmShape s) {
        return s.m() == 1 || s.n() == 1;
    }

    /** Whether the C matrices of different batch entries share no element, so entries may run at once. */
    private static boolean entriesDisjoint(GemmShape s) {
        return s.strideC() >= (long) (s.m() - 1) * s.ldc() + s.n();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
