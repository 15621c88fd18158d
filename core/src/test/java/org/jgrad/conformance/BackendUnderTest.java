package org.jgrad.conformance;

import org.jgrad.backend.Backend;
import org.jgrad.backend.device.MemoryStats;

/**
 * How a backend module hands its backend to the conformance suite. A backend's test module has one
 * implementation, named in {@code src/test/resources/META-INF/services/org.jgrad.conformance.BackendUnderTest};
 * that file also switches on the parent POM's {@code conformance-suite} profile, which runs every
 * {@code *Conformance} class of core's test-jar in that module ({@link SuiteBackend} finds the provider).
 * Implementations need a public no-argument constructor.
 */
public interface BackendUnderTest {

    /** Why the backend cannot start on this machine, or the empty string when it can. */
    String unavailableReason();

    /** The backend, started once and shared by every suite class; called only when it is available. */
    Backend backend();

    /**
     * Whether an unavailable backend fails the suite instead of skipping it (for example under
     * CI=true, where the suite must prove it ran). Skipping, with the reason, is the default.
     */
    default boolean mustRun() {
        return false;
    }

    /**
     * The backend's device memory now (live buffers, their bytes, the allocator's cache), for the
     * memory-flatness suite; null where the backend keeps none.
     */
    default MemoryStats memoryStats() {
        return null;
    }
}
