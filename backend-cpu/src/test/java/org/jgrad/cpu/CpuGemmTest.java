package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.GemmConformance;

/** The GEMM conformance suite on the CPU backend (Surefire runs it on the Vector API and scalar paths). */
class CpuGemmTest extends GemmConformance {
    private final Backend backend = new CpuBackend();

    @Override
    protected Backend backend() {
        return backend;
    }
}
