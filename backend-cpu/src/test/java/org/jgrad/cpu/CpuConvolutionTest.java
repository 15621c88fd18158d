package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ConvolutionConformance;

class CpuConvolutionTest extends ConvolutionConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
