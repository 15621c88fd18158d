package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.GradClipNormConformance;

class CpuGradClipNormTest extends GradClipNormConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
