package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.TrainerConformance;

class CpuTrainerTest extends TrainerConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
