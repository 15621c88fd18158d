package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.DataLoaderConformance;

class CpuDataLoaderTest extends DataLoaderConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
