package org.jgrad.backend;

/**
 * The rows of a recurrent step that are padding, handled with {@link Backend#copy}: a padded row
 * keeps its state and passes its gradient through unchanged, and gets no gate gradient. Used by
 * the core's recurrences and by the SPI's stepwise LSTM default; {@code validAtStep} is one step's
 * row flags (false = padding) or null for none.
 */
public final class RecurrentPadding {
    private RecurrentPadding() {
    }

    /** Copies each padded row, {@code width} elements, from {@code src} at srcOffset to {@code dst} at dstOffset. */
    public static void copyRows(Backend backend, boolean[] validAtStep, Buffer src, int srcOffset, Buffer dst, int dstOffset,
                                int width) {
        for (int row = 0; validAtStep != null && row < validAtStep.length; row++) {
            if (!validAtStep[row]) {
                backend.copy(new int[] {width}, src, srcOffset + row * width, new int[] {1}, dst, dstOffset + row * width,
                        new int[] {1});
            }
        }
    }

    /** Zeroes each padded row, {@code width} elements, of {@code target} from {@code offset}. */
    public static void zeroRows(Backend backend, boolean[] validAtStep, Buffer target, int offset, int width) {
        Buffer zeros = null;
        for (int row = 0; validAtStep != null && row < validAtStep.length; row++) {
            if (!validAtStep[row]) {
                zeros = zeros == null ? backend.allocate(org.jgrad.DType.FLOAT32, width) : zeros;
                backend.copy(new int[] {width}, zeros, 0, new int[] {1}, target, offset + row * width, new int[] {1});
            }
        }
        if (zeros != null) {
            backend.free(zeros);
        }
    }
}
