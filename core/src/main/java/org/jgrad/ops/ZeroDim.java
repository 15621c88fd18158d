package org.jgrad.ops;

import java.util.function.UnaryOperator;
import org.jgrad.Tensor;

/**
 * A dim argument on a 0-d tensor, as PyTorch allows it: 0 or -1 names the single element, and
 * the op runs on it viewed as shape [1], its result viewed back as 0-d.
 */
final class ZeroDim {
    private ZeroDim() {
    }

    /** Whether {@code x} is 0-d (then every dim must be 0 or -1: anything else fails naming the op). */
    static boolean applies(String op, Tensor x, int... dims) {
        if (x.dim() != 0) {
            return false;
        }
        for (int dim : dims) {
            if (dim != 0 && dim != -1) {
                throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for a 0-d tensor"
                        + " (expected 0 or -1)");
            }
        }
        return true;
    }

    /** {@code op} applied along dimension 0 of x viewed as [1], its result viewed as 0-d. */
    static Tensor along(Tensor x, UnaryOperator<Tensor> op) {
        return op.apply(x.reshape(1)).reshape();
    }
}
