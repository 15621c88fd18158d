package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnStateDictConformance;

class CpuNnStateDictTest extends NnStateDictConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
