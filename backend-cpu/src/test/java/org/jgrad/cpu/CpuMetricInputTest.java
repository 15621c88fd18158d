package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.MetricInputConformance;

class CpuMetricInputTest extends MetricInputConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
