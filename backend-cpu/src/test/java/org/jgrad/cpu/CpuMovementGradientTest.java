package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.MovementGradientConformance;

class CpuMovementGradientTest extends MovementGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
