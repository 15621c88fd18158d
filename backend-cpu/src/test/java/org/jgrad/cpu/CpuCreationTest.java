package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.CreationConformance;

class CpuCreationTest extends CreationConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
