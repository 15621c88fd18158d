package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.EdgeGradientConformance;

class CpuEdgeGradientTest extends EdgeGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
