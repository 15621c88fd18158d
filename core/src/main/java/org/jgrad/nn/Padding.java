package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Which steps of a batch of sequences are padding, as a lengths vector (PyTorch's
 * {@code pack_padded_sequence}) or a padding mask. A padded step neither changes the state nor
 * receives a gradient, and the layer's output there is zero, as after PyTorch's pack/pad round trip.
 */
public final class Padding {
    private final int[] lengths;
    private final Tensor mask;

    private Padding(int[] lengths, Tensor mask) {
        this.lengths = lengths;
        this.mask = mask;
    }

    /** Sequence b is valid at steps [0, lengths[b]) and padding after. */
    public static Padding lengths(int... lengths) {
        return new Padding(lengths.clone(), null);
    }

    /**
     * A (batch, steps) mask, nonzero where a step is padding (PyTorch's key_padding_mask
     * convention), whatever the layer's batchFirst; padded steps may sit anywhere.
     */
    public static Padding mask(Tensor paddingMask) {
        return new Padding(null, paddingMask);
    }

    /** valid[t][b], false at padded steps, or null when no step is padded; checked against the input. */
    boolean[][] validity(String layer, int steps, int batch) {
        boolean[][] valid = new boolean[steps][batch];
        boolean padded = false;
        if (lengths != null) {
            if (lengths.length != batch) {
                throw new IllegalArgumentException(layer + ": " + lengths.length + " lengths for a batch of " + batch);
            }
            for (int b = 0; b < batch; b++) {
                if (lengths[b] < 0 || lengths[b] > steps) {
                    throw new IllegalArgumentException(layer + ": length " + lengths[b] + " of sequence " + b
                            + " is outside [0, " + steps + "], the input's sequence length; lengths " + Arrays.toString(lengths));
                }
                for (int t = 0; t < steps; t++) {
                    valid[t][b] = t < lengths[b];
                    padded |= !valid[t][b];
                }
            }
        } else {
            int[] expected = {batch, steps};
            if (!Arrays.equals(mask.shape(), expected)) {
                throw new IllegalArgumentException(layer + ": padding mask of shape " + Shape.toString(mask.shape())
                        + " does not fit the input: expected (batch, steps) " + Shape.toString(expected));
            }
            float[] values = mask.toFloatArray();
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < steps; t++) {
                    valid[t][b] = values[b * steps + t] == 0;
                    padded |= !valid[t][b];
                }
            }
        }
        return padded ? valid : null;
    }
}
