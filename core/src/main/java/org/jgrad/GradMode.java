package org.jgrad;

/** Whether ops record the autograd graph on this thread; see {@link NoGrad}. */
public final class GradMode {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private GradMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get();
    }

    static void set(boolean enabled) {
        ENABLED.set(enabled);
    }
}
