package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.DatasetSplitConformance;

class CpuDatasetSplitTest extends DatasetSplitConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
