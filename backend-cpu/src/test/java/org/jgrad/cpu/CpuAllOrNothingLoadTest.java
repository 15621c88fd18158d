package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.AllOrNothingLoadConformance;

class CpuAllOrNothingLoadTest extends AllOrNothingLoadConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
