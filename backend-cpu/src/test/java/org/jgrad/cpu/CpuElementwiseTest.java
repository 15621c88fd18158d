package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ElementwiseConformance;

/** The elementwise conformance suite on the CPU backend (run on the Vector API and the scalar path). */
class CpuElementwiseTest extends ElementwiseConformance {
    private final Backend backend = new CpuBackend();

    @Override
    protected Backend backend() {
        return backend;
    }
}
