package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.PenaltiesConformance;

class CpuPenaltiesTest extends PenaltiesConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
