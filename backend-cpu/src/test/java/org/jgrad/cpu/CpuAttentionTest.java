package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.AttentionConformance;

class CpuAttentionTest extends AttentionConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
