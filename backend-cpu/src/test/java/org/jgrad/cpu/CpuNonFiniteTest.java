package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NonFiniteConformance;

class CpuNonFiniteTest extends NonFiniteConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
