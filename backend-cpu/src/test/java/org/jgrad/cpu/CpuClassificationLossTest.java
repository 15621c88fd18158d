package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ClassificationLossConformance;

class CpuClassificationLossTest extends ClassificationLossConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
