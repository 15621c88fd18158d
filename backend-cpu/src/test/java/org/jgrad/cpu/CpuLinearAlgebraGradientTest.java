package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.LinearAlgebraGradientConformance;

class CpuLinearAlgebraGradientTest extends LinearAlgebraGradientConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
