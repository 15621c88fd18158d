package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.OptimizerUpdateConformance;

class CpuOptimizerUpdateTest extends OptimizerUpdateConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
