package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.SafeTensorsConformance;

class CpuSafeTensorsTest extends SafeTensorsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
