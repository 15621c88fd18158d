package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.backend.BackendUnavailableException;
import org.jgrad.backend.Backends;
import org.jgrad.cpu.CpuBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The paths where OpenCL is missing, each in its own JVM (the library loads once per JVM), set up
 * by the pom's surefire executions: {@code -Djgrad.test.opencl.missing=library} with the library
 * name pointing at no file, {@code =platform} with the ICD loader pointed at an empty vendor
 * folder. The provider says which part is missing in one line and automatic choice moves on.
 */
class OpenClMissingTest {
    private static final String MISSING = System.getProperty("jgrad.test.opencl.missing", "");

    @Test
    void theProviderSaysWhatIsMissingAndChoiceMovesOn() {
        Assumptions.assumeFalse(MISSING.isEmpty(), "runs only in the pom's missing-OpenCL executions");
        OpenClBackendProvider provider = new OpenClBackendProvider();
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, provider::create);
        String reason = e.getMessage();
        if (MISSING.equals("platform") && reason.startsWith("no OpenCL library")
                && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.abort("no OpenCL library on this machine, so the missing-platform path cannot be shown: " + reason);
        }
        assertTrue(reason.startsWith("no OpenCL " + MISSING), reason);
        assertTrue(!reason.contains("\n"), "one line: " + reason);
        assertNull(provider.notChosenAutomaticallyBecause(), "a backend that cannot start leaves the reason to create()");
        assertInstanceOf(CpuBackend.class, Backends.select(null));
        IllegalStateException named = assertThrows(IllegalStateException.class, () -> Backends.select("opencl"));
        assertTrue(named.getMessage().contains(reason), named.getMessage());
    }
}
