package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnModuleConformance;

class CpuNnModuleTest extends NnModuleConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
