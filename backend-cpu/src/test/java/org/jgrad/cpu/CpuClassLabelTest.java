package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ClassLabelConformance;

class CpuClassLabelTest extends ClassLabelConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
