package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.NnNormalizationConformance;

class CpuNnNormalizationTest extends NnNormalizationConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
