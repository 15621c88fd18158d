package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.RegressionLossConformance;

class CpuRegressionLossTest extends RegressionLossConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
