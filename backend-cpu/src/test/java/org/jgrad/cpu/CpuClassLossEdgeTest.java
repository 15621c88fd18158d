package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ClassLossEdgeConformance;

class CpuClassLossEdgeTest extends ClassLossEdgeConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
