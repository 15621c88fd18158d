package org.jgrad.cpu;

/**
 * One call through the CPU backend that {@link KernelWarmup} repeats until it runs as fast as only
 * compiled Vector API code can: {@code flops} floating-point operations in at most
 * {@link #NANOS_PER_FLOP} each.
 */
record WarmupExercise(KernelFamily family, String name, long flops, Runnable call) {
    /**
     * Ten times the slowest compiled call: compiled, the products ran at 0.02-0.06 ns a flop on the
     * 2-core test machine, their first calls (the Vector API's Java fallback) at 26-1,700
     * (docs/PERFORMANCE.md, <i>The first epoch</i>).
     */
    static final double NANOS_PER_FLOP = 0.5;

    /** Runs the call once; whether it was fast enough. */
    boolean runFast() {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start <= flops * NANOS_PER_FLOP;
    }
}
