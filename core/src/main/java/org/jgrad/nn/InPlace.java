package org.jgrad.nn;

import static org.jgrad.internal.TensorAccess.buffer;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Writes values into an existing tensor's storage, outside autograd, as PyTorch's
 * {@code param.data.copy_(src)}. Parameters and buffers are updated this way (loading a state
 * dict, initialising, BatchNorm's running statistics) so that the tensor objects an optimizer
 * holds stay the same and no tensor made inside a training step's {@link org.jgrad.Scope}
 * replaces a long-lived one. One device-side copy through the backend SPI.
 */
public final class InPlace {
    private InPlace() {
    }

    /**
     * Copies {@code source}'s values into {@code target} (same shape and dtype; {@code source} may
     * live on another backend). Every tensor sharing {@code target}'s storage sees the new values.
     */
    public static void copy(Tensor source, Tensor target) {
        if (!Arrays.equals(source.shape(), target.shape()) || source.dtype() != target.dtype()) {
            throw new IllegalArgumentException("copy: source " + source.dtype() + " " + Shape.toString(source.shape())
                    + " does not fit target " + target.dtype() + " " + Shape.toString(target.shape()));
        }
        Tensor local = source.to(target.backend());
        int[] strides = Shape.strides(target.shape());
        target.backend().copy(target.shape(), buffer(local), 0, strides, buffer(target), 0, strides);
        if (local != source) {
            local.close();
        }
    }
}
