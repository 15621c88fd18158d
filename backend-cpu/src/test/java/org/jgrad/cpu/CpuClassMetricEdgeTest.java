package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ClassMetricEdgeConformance;

class CpuClassMetricEdgeTest extends ClassMetricEdgeConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
