package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ClassMetricConformance;

class CpuClassMetricTest extends ClassMetricConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
