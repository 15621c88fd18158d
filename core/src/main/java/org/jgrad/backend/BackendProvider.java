package org.jgrad.backend;

/**
 * Finds and starts one kind of backend. Implementations are listed in
 * {@code META-INF/services/org.jgrad.backend.BackendProvider} and found with ServiceLoader.
 */
public interface BackendProvider {

    /** The name users choose this backend by ("cpu", "cuda", "opencl"). */
    String name();

    /** Higher is preferred when the user names no backend (CUDA 30, OpenCL 20, CPU 10). */
    int priority();

    /**
     * Null when this backend may be chosen automatically (the user names no backend); else the
     * one-line reason it should be passed over there, though it still starts when named, and is
     * taken when no other backend starts. For example, an OpenCL platform whose only device is a
     * CPU is slower than the CPU backend, but better than none when that is absent. Must
     * not start the backend; a provider that cannot tell returns null and lets {@link #create} fail.
     */
    default String notChosenAutomaticallyBecause() {
        return null;
    }

    /**
     * Starts the backend.
     *
     * @throws BackendUnavailableException with a one-line reason when it cannot run here
     */
    Backend create() throws BackendUnavailableException;
}
