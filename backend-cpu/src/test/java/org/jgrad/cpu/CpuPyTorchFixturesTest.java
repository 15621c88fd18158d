package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.PyTorchFixturesConformance;

class CpuPyTorchFixturesTest extends PyTorchFixturesConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
