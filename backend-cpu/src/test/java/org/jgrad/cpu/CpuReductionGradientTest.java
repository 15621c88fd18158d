package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ReductionGradientConformance;

class CpuReductionGradientTest extends ReductionGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
