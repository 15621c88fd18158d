package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.PyTorchAcceptsConformance;

class CpuPyTorchAcceptsTest extends PyTorchAcceptsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
