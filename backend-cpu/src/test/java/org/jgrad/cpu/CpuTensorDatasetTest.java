package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.TensorDatasetConformance;

class CpuTensorDatasetTest extends TensorDatasetConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
