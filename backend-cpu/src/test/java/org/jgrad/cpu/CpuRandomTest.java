package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.RandomConformance;

class CpuRandomTest extends RandomConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
