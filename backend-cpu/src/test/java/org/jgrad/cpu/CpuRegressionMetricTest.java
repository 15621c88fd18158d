package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.RegressionMetricConformance;

class CpuRegressionMetricTest extends RegressionMetricConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
