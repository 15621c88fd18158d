package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Locale;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BackendUnavailableException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The first OpenCL probe and backend start of a JVM leave the JVM's signal handlers in place. It
 * runs in a JVM of its own without libjsig (the pom's signal-handlers execution), where loading
 * PoCL replaces them (its LLVM installs a crash reporter) unless {@link JvmSignalHandlers} puts
 * them back. Without a working OpenCL it is skipped, except on CI, whose run installs PoCL.
 */
class JvmSignalHandlersTest {
    @Test
    void probingAndStartingOpenClKeepTheJvmsHandlers() {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "the handlers are guarded on Linux only");
        long[] before = JvmSignalHandlers.handlers();
        OpenClBackendProvider provider = new OpenClBackendProvider();
        provider.notChosenAutomaticallyBecause();
        try (Backend backend = provider.create()) {
            assertArrayEquals(before, JvmSignalHandlers.handlers(),
                    "handler addresses of signals 1-31 before and after starting OpenCL on " + backend.description());
        } catch (BackendUnavailableException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI installs PoCL, yet OpenCL is unavailable: " + e.getMessage());
            }
            Assumptions.abort("no OpenCL here: " + e.getMessage());
        }
    }
}
