package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ReductionOpsConformance;

class CpuReductionOpsTest extends ReductionOpsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
