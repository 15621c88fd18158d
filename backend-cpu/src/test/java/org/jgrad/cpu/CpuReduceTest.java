package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ReduceConformance;

/** The reduce conformance suite on the CPU backend (run on the Vector API and the scalar path). */
class CpuReduceTest extends ReduceConformance {
    private final Backend backend = new CpuBackend();

    @Override
    protected Backend backend() {
        return backend;
    }
}
