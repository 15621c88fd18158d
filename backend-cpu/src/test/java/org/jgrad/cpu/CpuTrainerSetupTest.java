package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.TrainerSetupConformance;

class CpuTrainerSetupTest extends TrainerSetupConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
