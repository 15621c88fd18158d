package org.jgrad.cuda;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.device.MemoryStats;
import org.jgrad.conformance.BackendUnderTest;
import org.jgrad.conformance.SuiteBackend;

/**
 * The backend the CUDA tests and the conformance suite run on. Normally that is the real CUDA
 * backend; with {@code -Djgrad.cuda.test.emulate=true} it is the same backend over
 * {@link EmulatedDevice} (the kernels' source run on the host), which needs only g++. Where it
 * cannot start, each test is reported skipped with the reason (no GPU in CI is not a failure).
 */
public final class CudaUnderTest implements BackendUnderTest {
    static final boolean EMULATE = Boolean.getBoolean("jgrad.cuda.test.emulate");

    @Override
    public String unavailableReason() {
        if (EMULATE) {
            String reason = HostEmulation.unavailableReason();
            return reason == null ? "" : reason;
        }
        return CudaProbe.unavailableReason();
    }

    @Override
    public MemoryStats memoryStats() {
        return ((CudaBackend) SuiteBackend.get()).memoryStats();
    }

    @Override
    public Backend backend() {
        return EMULATE ? EmulatedDevice.backend() : Backends.named("cuda");
    }
}
