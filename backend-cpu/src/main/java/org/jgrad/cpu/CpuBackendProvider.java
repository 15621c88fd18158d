package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendProvider;

/** Provides the pure-Java backend; it runs everywhere, so it is the last choice. */
public final class CpuBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Backend create() {
        return new CpuBackend();
    }
}
