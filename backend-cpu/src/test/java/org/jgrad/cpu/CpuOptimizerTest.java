package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.OptimizerConformance;

class CpuOptimizerTest extends OptimizerConformance {
    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}
