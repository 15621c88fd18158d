package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.RecurrentGradientConformance;

class CpuRecurrentGradientTest extends RecurrentGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
