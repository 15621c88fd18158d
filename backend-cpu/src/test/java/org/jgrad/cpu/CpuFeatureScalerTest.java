package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.FeatureScalerConformance;

class CpuFeatureScalerTest extends FeatureScalerConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
