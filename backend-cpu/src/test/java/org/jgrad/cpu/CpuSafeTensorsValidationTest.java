package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.SafeTensorsValidationConformance;

class CpuSafeTensorsValidationTest extends SafeTensorsValidationConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
