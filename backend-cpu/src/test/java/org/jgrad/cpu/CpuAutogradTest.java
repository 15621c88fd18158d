package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.AutogradConformance;

class CpuAutogradTest extends AutogradConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
