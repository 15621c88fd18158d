package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.MnistConformance;

class CpuMnistTest extends MnistConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
