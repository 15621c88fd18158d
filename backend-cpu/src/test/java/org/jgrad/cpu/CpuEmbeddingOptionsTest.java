package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.EmbeddingOptionsConformance;

class CpuEmbeddingOptionsTest extends EmbeddingOptionsConformance {
    private static final Backend BACKEND = new CpuBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
