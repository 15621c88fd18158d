package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.RecurrentTorchConformance;

class CpuRecurrentTorchTest extends RecurrentTorchConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
