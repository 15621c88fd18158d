package org.jgrad.cpu;

/** The Vector API kernels {@link KernelWarmup} compiles, each switched on when its own exercises run compiled. */
enum KernelFamily {
    /** The blocked GEMM: micro-kernel, packing, B packed ahead. */
    GEMM,
    /** The direct convolution, forward and backward. */
    CONVOLUTION,
    /** The Philox uniform fill (weight initialisation, dropout masks). */
    RANDOM
}
