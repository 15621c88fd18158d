package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.LinearAlgebraConformance;

class CpuLinearAlgebraTest extends LinearAlgebraConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
