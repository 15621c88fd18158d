package org.jgrad;

import java.util.StringJoiner;

/**
 * Anomaly detection, as PyTorch's {@code torch.autograd.detect_anomaly()}: while a mode is open on
 * this thread, every op's forward output and every gradient its backward returns is read back and
 * checked, and the first NaN or infinity throws an {@link ArithmeticException} naming the op, its
 * input shapes and the direction. Reading every value back is slow: a debugging aid, not for
 * production runs.
 *
 * <pre>{@code
 * try (AnomalyMode ignored = AnomalyMode.enable()) {
 *     model.forward(x).sub(y).pow(2).mean().backward();
 * }
 * }</pre>
 */
public final class AnomalyMode implements AutoCloseable {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** True while the engine runs backward: the ops a backward is written with are checked as its result. */
    private static final ThreadLocal<Boolean> IN_BACKWARD = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final boolean previous;

    private AnomalyMode() {
        previous = ENABLED.get();
        ENABLED.set(true);
    }

    /** Turns checking on for this thread until {@link #close}; modes nest. */
    public static AnomalyMode enable() {
        return new AnomalyMode();
    }

    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /** Restores the mode this thread had before {@link #enable}. */
    @Override
    public void close() {
        ENABLED.set(previous);
    }

    /** Marks this thread as running backward (true) or not; returns the previous value. */
    static boolean inBackward(boolean running) {
        boolean previousValue = IN_BACKWARD.get();
        IN_BACKWARD.set(running);
        return previousValue;
    }

    /** Fails when {@code out}, made by {@code op} from {@code inputs}, holds a non-finite value. */
    static void checkForward(String op, Tensor out, Tensor... inputs) {
        if (IN_BACKWARD.get()) {
            return;
        }
        int at = firstNonFinite(out);
        if (at >= 0) {
            throw new ArithmeticException("anomaly: " + op + " forward produced " + out.toFloatArray()[at]
                    + " at element " + at + " of its output " + Shape.toString(out.shape()) + "; inputs "
                    + shapes(inputs));
        }
    }

    /** Fails when {@code grad}, the gradient {@code op}'s backward returned for input {@code i}, is not finite. */
    static void checkBackward(String op, int i, Tensor grad, Tensor... inputs) {
        int at = firstNonFinite(grad);
        if (at >= 0) {
            throw new ArithmeticException("anomaly: " + op + " backward produced " + grad.toFloatArray()[at]
                    + " at element " + at + " of the gradient of input " + i + " " + Shape.toString(grad.shape())
                    + "; inputs " + shapes(inputs));
        }
    }

    private static int firstNonFinite(Tensor t) {
        if (t.dtype() != DType.FLOAT32) {
            return -1;
        }
        float[] values = t.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String shapes(Tensor... inputs) {
        StringJoiner joined = new StringJoiner(", ");
        for (Tensor input : inputs) {
            joined.add(Shape.toString(input.shape()));
        }
        return joined.toString();
    }
}
