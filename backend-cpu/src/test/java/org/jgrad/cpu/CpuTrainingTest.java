package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.TrainingConformance;

class CpuTrainingTest extends TrainingConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
