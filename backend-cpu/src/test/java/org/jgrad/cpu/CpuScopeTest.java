package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ScopeConformance;

class CpuScopeTest extends ScopeConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
