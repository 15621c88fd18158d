package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.IndexingOpsConformance;

class CpuIndexingOpsTest extends IndexingOpsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
