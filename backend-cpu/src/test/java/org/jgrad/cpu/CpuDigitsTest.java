package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.DigitsConformance;

class CpuDigitsTest extends DigitsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
