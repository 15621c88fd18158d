package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.TrainerCallbackConformance;

class CpuTrainerCallbackTest extends TrainerCallbackConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
