package org.jgrad.cuda;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The backend the CUDA tests run on, and the condition that skips them where it cannot start.
 * Normally that is the real CUDA backend; with {@code -Djgrad.cuda.test.emulate=true} it is the
 * same backend over {@link EmulatedDevice} (the kernels' source run on the host), which needs only
 * g++. Tests are skipped one by one, with the reason, so the runner reports every one as skipped
 * and none of their set-up or tear-down runs on a backend that does not exist.
 */
final class RequiresCuda implements ExecutionCondition {
    static final boolean EMULATE = Boolean.getBoolean("jgrad.cuda.test.emulate");
    private static final System.Logger LOG = System.getLogger(RequiresCuda.class.getName());
    private static boolean told;
    private static Backend backend;

    /** The backend under test, started on first use. */
    static synchronized Backend backend() {
        if (backend == null) {
            backend = EMULATE ? EmulatedDevice.backend() : Backends.named("cuda");
        }
        return backend;
    }

    /** Why the backend under test cannot start here, or the empty string. */
    static String unavailableReason() {
        if (EMULATE) {
            String reason = HostEmulation.unavailableReason();
            return reason == null ? "" : reason;
        }
        return CudaProbe.unavailableReason();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled(EMULATE ? "CUDA kernels emulated on the host" : "CUDA is available");
        }
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("classes run so that each test is reported as skipped");
        }
        synchronized (RequiresCuda.class) {
            if (!told) {
                told = true;
                LOG.log(System.Logger.Level.WARNING, "CUDA tests skipped: " + reason);
            }
        }
        return ConditionEvaluationResult.disabled("skipped: " + reason);
    }
}
