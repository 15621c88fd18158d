package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.AdaptiveOptimizerUpdateConformance;

class CpuAdaptiveOptimizerUpdateTest extends AdaptiveOptimizerUpdateConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
