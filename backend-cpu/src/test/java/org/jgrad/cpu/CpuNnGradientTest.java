package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnGradientConformance;

class CpuNnGradientTest extends NnGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
