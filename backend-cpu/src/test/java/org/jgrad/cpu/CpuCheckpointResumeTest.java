package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.CheckpointResumeConformance;

class CpuCheckpointResumeTest extends CheckpointResumeConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
