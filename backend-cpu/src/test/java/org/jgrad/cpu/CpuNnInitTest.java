package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnInitConformance;

class CpuNnInitTest extends NnInitConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
