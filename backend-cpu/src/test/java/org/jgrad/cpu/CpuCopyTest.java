package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.CopyConformance;

/** The copy conformance suite on the CPU backend (run on the Vector API and the scalar path). */
class CpuCopyTest extends CopyConformance {
    private final Backend backend = new CpuBackend();

    @Override
    protected Backend backend() {
        return backend;
    }
}
