package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnActivationConformance;

class CpuNnActivationTest extends NnActivationConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
