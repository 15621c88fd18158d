package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.OptimizerSettingsConformance;

class CpuOptimizerSettingsTest extends OptimizerSettingsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
