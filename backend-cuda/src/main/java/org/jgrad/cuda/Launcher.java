package org.jgrad.cuda;

/**
 * Queues kernels by name. {@link Kernels} launches them on the GPU; tests put a recorder here to
 * check every launch's arguments against the PTX without a GPU.
 */
interface Launcher extends AutoCloseable {

    /** Queues {@code kernel} on the grid (gridX, gridY, gridZ) of (blockX, blockY) blocks. */
    void launch(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, Object... args);

    /** Queues {@code kernel} over a grid-stride range of n elements; nothing when n is 0. */
    default void launch1d(String kernel, long n, Object... args) {
        int blocks = LaunchGeometry.blocks(n);
        if (blocks > 0) {
            launch(kernel, blocks, 1, 1, LaunchGeometry.THREADS, 1, args);
        }
    }

    @Override
    void close();
}
