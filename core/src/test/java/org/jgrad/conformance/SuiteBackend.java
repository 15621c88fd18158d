package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.ServiceLoader;
import org.jgrad.backend.Backend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The backend the suite runs on: the one {@link BackendUnderTest} on the test class path, and the
 * condition that skips each test, with the reason, where that backend cannot start (or lets it
 * fail, where the provider says the suite must run). Backend-specific tests may use it too.
 */
public final class SuiteBackend implements ExecutionCondition {
    private static final String NO_PROVIDER = "no backend under test in this module (no"
            + " META-INF/services/org.jgrad.conformance.BackendUnderTest): the suite runs in the backend modules";
    private static final System.Logger LOG = System.getLogger(SuiteBackend.class.getName());
    private static BackendUnderTest provider;
    private static Backend backend;
    private static boolean told;
    private static boolean loaded;

    /**
     * The provider named in this module's META-INF/services/org.jgrad.conformance.BackendUnderTest,
     * or null in a module without one (core itself, when a -Dtest pattern picks a suite class there).
     */
    public static synchronized BackendUnderTest provider() {
        if (!loaded) {
            List<BackendUnderTest> found = ServiceLoader.load(BackendUnderTest.class).stream()
                    .map(ServiceLoader.Provider::get).toList();
            if (found.size() > 1) {
                throw new IllegalStateException("expected one " + BackendUnderTest.class.getName()
                        + " on the test class path, found " + found);
            }
            provider = found.isEmpty() ? null : found.get(0);
            loaded = true;
        }
        return provider;
    }

    /** The backend under test; fails (or skips) the calling test where it cannot start. */
    public static synchronized Backend get() {
        require();
        if (backend == null) {
            backend = provider().backend();
        }
        return backend;
    }

    /**
     * Returns where the backend can start; otherwise skips the calling test with the reason, or
     * fails it where the provider says the suite must run.
     */
    public static void require() {
        String reason = unavailableReason();
        if (reason.isEmpty()) {
            return;
        }
        if (provider() != null && provider().mustRun()) {
            fail("not run, and " + provider().getClass().getSimpleName() + " says the suite must run here: " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }

    private static String unavailableReason() {
        return provider() == null ? NO_PROVIDER : provider().unavailableReason();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason.isEmpty() || provider() != null && provider().mustRun()) {
            return ConditionEvaluationResult.enabled("the backend under test is available (or must run)");
        }
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("classes run so that each test is reported as skipped");
        }
        synchronized (SuiteBackend.class) {
            if (!told) {
                told = true;
                LOG.log(System.Logger.Level.WARNING, "conformance suite skipped: " + reason);
            }
        }
        return ConditionEvaluationResult.disabled("skipped: " + reason);
    }
}
