package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.IndexingConformance;

class CpuIndexingTest extends IndexingConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
