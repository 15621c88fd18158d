package org.jgrad.cpu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings the Vector API product kernels to C2's compiled code on a thread of its own, and keeps
 * the other threads on the scalar kernels until then ({@link VectorSupport#gemmReady()},
 * {@link VectorSupport#convolutionReady()}); both paths give the same bits (docs/DETERMINISM.md),
 * so only the speed changes when the switch comes.
 *
 * <p>Why: before C2 has compiled a Vector API kernel, each vector operation in it runs the API's
 * Java fallback (a heap object per vector, a lambda call per lane): the warm-up's products ran
 * their first calls at 50-1,700 ns a flop and their compiled code at 0.02-0.06, and the scalar
 * kernel runs at a fraction of a nanosecond once C1 has compiled it. A training job's first steps call the
 * products thousands of times before C2, busy with everything else those steps run, gets to
 * them: in an MNIST MLP's first epoch, half of the samples were the GEMM micro-kernel and its
 * packing in the fallback (docs/PERFORMANCE.md, <i>The first epoch</i>).
 *
 * <p>The thread starts with the first CPU backend and repeats {@link WarmupExercises} until each
 * runs as fast as only compiled code can; each {@link KernelFamily} switches over when all of its
 * exercises have. After {@link #LIMIT_NANOS} (a JVM without C2, say) every family switches
 * anyway. {@code -Djgrad.cpu.warmup=false} switches them on from the first call instead.
 */
final class KernelWarmup {
    private static final System.Logger LOG = System.getLogger(KernelWarmup.class.getName());
    private static final long LIMIT_NANOS = 10_000_000_000L;
    private static final boolean ON = VectorSupport.enabled()
            && !"false".equalsIgnoreCase(System.getProperty("jgrad.cpu.warmup", "true"));
    /** Bit f.ordinal() is set once family f may take its Vector API kernels. */
    private static volatile int compiled = ON ? 0 : -1;
    private static final Thread THREAD = ON ? start() : null;

    private KernelWarmup() {
    }

    /** Starts the warm-up if it has not started (loading this class does). */
    static void begin() {
        // the static initialiser has run by now
    }

    /** Whether {@code family} may take its Vector API kernels: compiled, past the limit, or no warm-up; or this is the warm-up. */
    static boolean ready(KernelFamily family) {
        return (compiled & (1 << family.ordinal())) != 0 || Thread.currentThread() == THREAD;
    }

    private static Thread start() {
        Thread thread = new Thread(KernelWarmup::run, "jgrad-cpu-kernel-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run() {
        long start = System.nanoTime();
        try {
            List<WarmupExercise> pending = new ArrayList<>(WarmupExercises.all());
            while (!pending.isEmpty() && System.nanoTime() - start < LIMIT_NANOS) {
                pending.removeIf(WarmupExercise::runFast);
                Set<KernelFamily> waiting = pending.stream().map(WarmupExercise::family)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(KernelFamily.class)));
                for (KernelFamily family : KernelFamily.values()) {
                    if (!waiting.contains(family) && (compiled & (1 << family.ordinal())) == 0) {
                        compiled |= 1 << family.ordinal();
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (pending.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, "CPU Vector API product kernels compiled after " + millis + " ms");
            } else {
                LOG.log(System.Logger.Level.INFO, "CPU Vector API product kernels still slow after " + millis
                        + " ms (is C2 off?): " + pending.stream().map(WarmupExercise::name).toList() + "; taking them anyway");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "CPU kernel warm-up stopped early; taking the Vector API products now", e);
        } finally {
            compiled = -1;
        }
    }
}
