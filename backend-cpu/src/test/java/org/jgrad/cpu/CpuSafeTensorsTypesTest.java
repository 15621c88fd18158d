package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.SafeTensorsTypesConformance;

class CpuSafeTensorsTypesTest extends SafeTensorsTypesConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
