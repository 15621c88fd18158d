package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.MovementConformance;

class CpuMovementTest extends MovementConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
