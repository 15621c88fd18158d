package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ComparisonOpsConformance;

class CpuComparisonOpsTest extends ComparisonOpsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
