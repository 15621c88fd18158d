package org.jgrad.cpu;

/**
 * Whether the CPU kernels take the JDK Vector API path: the jdk.incubator.vector module is in
 * the boot layer and {@code -Djgrad.cpu.vector=false} does not turn it off. Classes that touch
 * jdk.incubator.vector are loaded only when this says yes, so the scalar path runs without it.
 */
public final class VectorSupport {
    private static final System.Logger LOG = System.getLogger(VectorSupport.class.getName());
    private static final boolean ENABLED = decide();

    private VectorSupport() {
    }

    public static boolean enabled() {
        return ENABLED;
    }

    /**
     * Whether the blocked GEMM takes its Vector API kernels now: the path is enabled and they have
     * compiled code (or the caller is the warm-up that compiles them, {@link KernelWarmup}). Until
     * then products take the scalar kernels, which give the same bits.
     */
    public static boolean gemmReady() {
        return ENABLED && KernelWarmup.ready(KernelFamily.GEMM);
    }

    /** As {@link #gemmReady()}, for the direct convolution kernels (the composed im2col + GEMM until then). */
    static boolean convolutionReady() {
        return ENABLED && KernelWarmup.ready(KernelFamily.CONVOLUTION);
    }

    /** As {@link #gemmReady()}, for the Philox uniform fill (the scalar Philox until then). */
    static boolean randomReady() {
        return ENABLED && KernelWarmup.ready(KernelFamily.RANDOM);
    }

    /** Starts bringing the Vector API GEMM kernels to compiled code, if the path is enabled; harmless to repeat. */
    static void warmUp() {
        if (ENABLED) {
            KernelWarmup.request(KernelFamily.GEMM);
        }
    }

    private static boolean decide() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean allowed = !"false".equalsIgnoreCase(System.getProperty("jgrad.cpu.vector", "true"));
        String path = present && allowed ? "Vector API (jdk.incubator.vector)"
                : present ? "scalar (Vector API turned off by -Djgrad.cpu.vector=false)"
                : "scalar (start the JVM with --add-modules jdk.incubator.vector for the Vector API path)";
        LOG.log(System.Logger.Level.INFO, "jgrad CPU backend kernels: " + path);
        return present && allowed;
    }
}
