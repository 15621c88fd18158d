package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.AttentionPyTorchConformance;

class CpuAttentionPyTorchTest extends AttentionPyTorchConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
