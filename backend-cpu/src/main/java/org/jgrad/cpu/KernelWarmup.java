package org.jgrad.cpu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the Vector API product kernels (and the Philox fill) to C2's compiled code on a thread of
 * its own, and keeps the other threads on the scalar kernels until then
 * ({@link VectorSupport#gemmReady()}, {@link VectorSupport#convolutionReady()},
 * {@link VectorSupport#randomReady()}); both paths give the same bits (docs/DETERMINISM.md), so
 * only the speed changes when the switch comes.
 *
 * <p>Why: before C2 has compiled a Vector API kernel, each vector operation in it runs the API's
 * Java fallback (a heap object per vector, a lambda call per lane): the warm-up's products ran
 * their first calls at 26-1,700 ns a flop and their compiled code at 0.02-0.06, and the scalar
 * kernel runs at a fraction of a nanosecond once C1 has compiled it. A training job's first steps
 * call the products thousands of times before C2, busy with everything else those steps run,
 * gets to them: in an MNIST MLP's first epoch, half of the samples were the GEMM micro-kernel and
 * its packing in the fallback (docs/PERFORMANCE.md, <i>The first epoch</i>).
 *
 * <p>A {@link KernelFamily} is warmed once a job asks for it (the GEMM when a CPU backend is made,
 * the convolution at its first call, the uniform fill once a job keeps filling): the thread
 * repeats the family's {@link WarmupExercises} until each runs as fast as only compiled code can,
 * and then the family switches over. After {@link #LIMIT_MILLIS} from its request (a JVM without
 * C2, say) a family switches anyway.
 * {@code -Djgrad.cpu.warmup=false} switches every family on from the first call instead.
 */
final class KernelWarmup {
    private static final System.Logger LOG = System.getLogger(KernelWarmup.class.getName());
    private static final long LIMIT_MILLIS = 10_000;
    /** Bit f.ordinal() is set once family f may take its Vector API kernels. */
    private static volatile int compiled = VectorSupport.enabled()
            && !"false".equalsIgnoreCase(System.getProperty("jgrad.cpu.warmup", "true")) ? 0 : -1;
    /** The running warm-up thread, or null. */
    private static volatile Thread thread;
    /** Families asked for and the time of the request, guarded by the class. */
    private static final Map<KernelFamily, Long> REQUESTED = new EnumMap<>(KernelFamily.class);

    private KernelWarmup() {
    }

    /**
     * Whether {@code family} may take its Vector API kernels: compiled, past the limit, or no
     * warm-up; or the caller is the warm-up. When not, asks for the family to be warmed.
     */
    static boolean ready(KernelFamily family) {
        if (isCompiled(family) || Thread.currentThread() == thread) {
            return true;
        }
        request(family);
        return false;
    }

    /** Asks for {@code family} to be warmed, starting the thread if none runs; harmless to repeat. */
    static synchronized void request(KernelFamily family) {
        if (isCompiled(family) || REQUESTED.containsKey(family)) {
            return;
        }
        REQUESTED.put(family, System.nanoTime());
        if (thread == null) {
            Thread started = new Thread(KernelWarmup::run, "jgrad-cpu-kernel-warmup");
            started.setDaemon(true);
            thread = started;
            started.start();
        }
    }

    /** Whether {@code family} has been asked to be warmed (or is compiled already). */
    static synchronized boolean requested(KernelFamily family) {
        return isCompiled(family) || REQUESTED.containsKey(family);
    }

    /** Whether {@code family} may take its Vector API kernels, without asking for it to be warmed. */
    static boolean isCompiled(KernelFamily family) {
        return (compiled & (1 << family.ordinal())) != 0;
    }

    private static void run() {
        Map<KernelFamily, List<WarmupExercise>> pending = new EnumMap<>(KernelFamily.class);
        try {
            while (true) {
                Map<KernelFamily, Long> wanted = waiting();
                if (wanted.isEmpty()) {
                    return;
                }
                for (Map.Entry<KernelFamily, Long> entry : wanted.entrySet()) {
                    KernelFamily family = entry.getKey();
                    List<WarmupExercise> exercises = pending.computeIfAbsent(family,
                            f -> new ArrayList<>(WarmupExercises.of(f)));
                    exercises.removeIf(WarmupExercise::runFast);
                    long millis = (System.nanoTime() - entry.getValue()) / 1_000_000;
                    if (exercises.isEmpty()) {
                        LOG.log(System.Logger.Level.DEBUG, "CPU Vector API " + family + " kernels compiled after " + millis + " ms");
                        switchOver(family);
                    } else if (millis > LIMIT_MILLIS) {
                        LOG.log(System.Logger.Level.INFO, "CPU Vector API " + family + " kernels still slow after " + millis
                                + " ms (is C2 off?): " + exercises.stream().map(WarmupExercise::name).toList() + "; taking them anyway");
                        switchOver(family);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "CPU kernel warm-up stopped early; taking the Vector API kernels now", e);
            compiled = -1;
        }
    }

    /** The families asked for and not yet switched over; when there are none, the thread is done. */
    private static synchronized Map<KernelFamily, Long> waiting() {
        Map<KernelFamily, Long> wanted = new EnumMap<>(KernelFamily.class);
        REQUESTED.forEach((family, since) -> {
            if (!isCompiled(family)) {
                wanted.put(family, since);
            }
        });
        if (wanted.isEmpty()) {
            thread = null;
        }
        return wanted;
    }

    private static synchronized void switchOver(KernelFamily family) {
        compiled |= 1 << family.ordinal();
    }
}
