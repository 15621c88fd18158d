package org.jgrad.cuda;

/**
 * Grid sizes. Elementwise kernels loop grid-stride (jgrad.cuh's JG_FOR_EACH), so any grid covers
 * any n; the grid is capped where more blocks stop helping and below every hardware limit.
 */
final class LaunchGeometry {
    /** Threads per block of the 1-D kernels and of reduce_rows (JG_REDUCE_THREADS in reduce.cu). */
    static final int THREADS = 256;
    /** Enough blocks to fill any current GPU several times over; each thread then loops. */
    static final int MAX_BLOCKS = 1 << 16;
    /** The limit of gridDim.y and gridDim.z. */
    static final int MAX_GRID_YZ = 65_535;
    /** Rows and columns of C per block of sgemm_tiled (TILE in gemm.cu). */
    static final int GEMM_TILE = 64;

    private LaunchGeometry() {
    }

    /** Blocks of {@link #THREADS} for a grid-stride loop over n elements; 0 when there is nothing to do. */
    static int blocks(long n) {
        if (n <= 0) {
            return 0;
        }
        return (int) Math.min((n + THREADS - 1) / THREADS, MAX_BLOCKS);
    }

    /** Tiles of {@link #GEMM_TILE} covering {@code size} rows or columns. */
    static int gemmTiles(int size) {
        return (size + GEMM_TILE - 1) / GEMM_TILE;
    }
}
