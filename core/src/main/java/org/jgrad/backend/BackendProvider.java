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
     * Starts the backend.
     *
     * @throws BackendUnavailableException with a one-line reason when it cannot run here
     */
    Backend create() throws BackendUnavailableException;
}
