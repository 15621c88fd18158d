package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.RecurrentValidationConformance;

class CpuRecurrentValidationTest extends RecurrentValidationConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
