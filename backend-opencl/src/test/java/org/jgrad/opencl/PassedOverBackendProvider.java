package org.jgrad.opencl;

import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendProvider;
import org.jgrad.cpu.CpuBackend;

/**
 * A test provider that starts fine and is preferred over every real one, but asks to be passed
 * over by automatic choice: automatic choice must skip it, naming it must start it.
 */
public final class PassedOverBackendProvider implements BackendProvider {
    static final String REASON = "slower than the alternatives on this test machine";

    @Override
    public String name() {
        return "passed-over";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public String notChosenAutomaticallyBecause() {
        return REASON;
    }

    @Override
    public Backend create() {
        return new CpuBackend();
    }
}
