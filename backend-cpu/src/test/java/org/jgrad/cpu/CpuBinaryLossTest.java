package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.BinaryLossConformance;

class CpuBinaryLossTest extends BinaryLossConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
