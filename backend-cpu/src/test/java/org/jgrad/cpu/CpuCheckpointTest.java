package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.CheckpointConformance;

class CpuCheckpointTest extends CheckpointConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
