package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ConvConformance;

class CpuConvTest extends ConvConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
