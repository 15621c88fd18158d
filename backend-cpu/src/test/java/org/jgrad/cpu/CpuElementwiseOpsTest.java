package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ElementwiseOpsConformance;

class CpuElementwiseOpsTest extends ElementwiseOpsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
