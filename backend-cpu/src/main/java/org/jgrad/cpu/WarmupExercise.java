package org.jgrad.cpu;

/**
 * One call through the CPU backend that {@link KernelWarmup} repeats until it runs as fast as only
 * compiled Vector API code can: within {@code fastNanos}.
 */
record WarmupExercise(KernelFamily family, String name, double fastNanos, Runnable call) {

    /** Runs the call once; whether it was fast enough. */
    boolean runFast() {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start <= fastNanos;
    }
}
