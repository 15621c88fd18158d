package org.jgrad.cpu;

/**
 * One call through the CPU backend that {@link KernelWarmup} repeats until it runs as fast as only
 * compiled Vector API code can: {@code flops} floating-point operations in at most
 * {@code nanosPerFlop} each.
 */
record WarmupExercise(KernelFamily family, String name, long flops, double nanosPerFlop, Runnable call) {

    /** Runs the call once; whether it was fast enough. */
    boolean runFast() {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start <= flops * nanosPerFlop;
    }
}
