package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.LossGradientConformance;

class CpuLossGradientTest extends LossGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
