package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnResidualSummaryConformance;

class CpuNnResidualSummaryTest extends NnResidualSummaryConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
