package org.jgrad.cpu;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.BackendUnderTest;

/** The conformance suite runs on the CPU backend (on the path -Djgrad.cpu.vector picks). */
public final class CpuUnderTest implements BackendUnderTest {
    private static final Backend CPU = new CpuBackend();

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public Backend backend() {
        return CPU;
    }
}
