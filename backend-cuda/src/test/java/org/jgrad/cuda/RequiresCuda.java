package org.jgrad.cuda;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips each test, with the probe's reason, where CUDA cannot start. Tests are skipped one by one
 * (not their classes), so the runner reports every one as skipped, and none of their set-up or
 * tear-down runs on a backend that does not exist. The reason is logged once.
 */
final class RequiresCuda implements ExecutionCondition {
    private static final System.Logger LOG = System.getLogger(RequiresCuda.class.getName());
    private static boolean told;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = CudaProbe.unavailableReason();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("CUDA is available");
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
