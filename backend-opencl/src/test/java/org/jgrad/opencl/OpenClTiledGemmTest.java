package org.jgrad.opencl;

import org.jgrad.backend.Backend;
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
    static void startTheOtherKernel() throws Throwable {
        SharedOpenCl.require();
        String kernel = SharedOpenCl.backend().onCpuDevice() ? "tiled" : "block";
        SharedOpenCl.withProperty(GemmOps.KERNEL_PROPERTY, kernel,
                () -> other = (OpenClBackend) new OpenClBackendProvider().create());
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
