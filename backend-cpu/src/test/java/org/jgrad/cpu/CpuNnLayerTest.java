package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnLayerConformance;

class CpuNnLayerTest extends NnLayerConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
