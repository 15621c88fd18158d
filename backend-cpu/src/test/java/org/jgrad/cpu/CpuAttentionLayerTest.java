package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.AttentionLayerConformance;

class CpuAttentionLayerTest extends AttentionLayerConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
