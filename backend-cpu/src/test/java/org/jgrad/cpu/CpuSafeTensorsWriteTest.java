package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.SafeTensorsWriteConformance;

class CpuSafeTensorsWriteTest extends SafeTensorsWriteConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
