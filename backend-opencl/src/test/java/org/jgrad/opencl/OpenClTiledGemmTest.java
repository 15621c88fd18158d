package org.jgrad.opencl;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendUnavailableException;
import org.jgrad.conformance.GemmConformance;
import org.jgrad.conformance.LinearAlgebraConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The GEMM suites on the kernel the shared backend does not use: on a CPU device (PoCL in CI) that
 * is the tiled GPU kernel, so both kernels are tested wherever the suite runs.
 */
class OpenClTiledGemmTest {
    private static OpenClBackend other;

    @BeforeAll
    static void startTheOtherKernel() throws BackendUnavailableException {
        SharedOpenCl.require();
        String previous = System.getProperty(GemmOps.KERNEL_PROPERTY);
        System.setProperty(GemmOps.KERNEL_PROPERTY, SharedOpenCl.backend().onCpuDevice() ? "tiled" : "block");
        try {
            other = (OpenClBackend) new OpenClBackendProvider().create();
        } finally {
            if (previous == null) {
                System.clearProperty(GemmOps.KERNEL_PROPERTY);
            } else {
                System.setProperty(GemmOps.KERNEL_PROPERTY, previous);
            }
        }
    }

    @AfterAll
    static void close() {
        if (other != null) {
            other.close();
        }
    }

    @Nested class Gemm extends GemmConformance { @Override protected Backend backend() { return other; } }
    @Nested class LinearAlgebra extends LinearAlgebraConformance { @Override protected Backend backend() { return other; } }
}
