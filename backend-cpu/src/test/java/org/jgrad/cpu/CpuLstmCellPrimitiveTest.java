package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.LstmCellPrimitiveConformance;

class CpuLstmCellPrimitiveTest extends LstmCellPrimitiveConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
