package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ActivationConformance;

class CpuActivationTest extends ActivationConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
