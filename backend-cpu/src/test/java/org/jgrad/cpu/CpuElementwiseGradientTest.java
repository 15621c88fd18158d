package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ElementwiseGradientConformance;

class CpuElementwiseGradientTest extends ElementwiseGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
