package org.jgrad.loss;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** Argument checks shared by the losses; every message names the loss and the shapes involved. */
final class LossChecks {
    private LossChecks() {
    }

    static Reduction requireReduction(String loss, Reduction reduction) {
        if (reduction == null) {
            throw new IllegalArgumentException(loss + ": reduction must not be null (MEAN, SUM or NONE)");
        }
        return reduction;
    }

    static void requireDType(String loss, String role, Tensor t, DType type) {
        if (t.dtype() != type) {
            throw new IllegalArgumentException(loss + ": " + role + " must be " + type + ", got " + t.dtype()
                    + " of shape " + Shape.toString(t.shape()));
        }
    }

    /** FLOAT32 input and target of one shape, as the regression losses and BCE need. */
    static void requireSameShape(String loss, Tensor input, Tensor target) {
        requireDType(loss, "input", input, DType.FLOAT32);
        requireDType(loss, "target", target, DType.FLOAT32);
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw mismatch(loss, input, target, "the same shape");
        }
    }

    /** A FLOAT32 option tensor (weight, posWeight) that broadcasts to the input's shape. */
    static void requireBroadcastsTo(String loss, String role, Tensor option, Tensor input) {
        requireDType(loss, role, option, DType.FLOAT32);
        int[] in = input.shape();
        int[] opt = option.shape();
        boolean fits = opt.length <= in.length;
        for (int i = 1; fits && i <= opt.length; i++) {
            int o = opt[opt.length - i];
            fits = o == 1 || o == in[in.length - i];
        }
        if (!fits) {
            throw new IllegalArgumentException(loss + ": " + role + " of shape " + Shape.toString(opt)
                    + " does not broadcast to input of shape " + Shape.toString(in));
        }
    }

    static IllegalArgumentException mismatch(String loss, Tensor input, Tensor target, String expected) {
        return new IllegalArgumentException(loss + ": input of shape " + Shape.toString(input.shape()) + " ("
                + input.dtype() + ") and target of shape " + Shape.toString(target.shape()) + " (" + target.dtype()
                + ") do not fit; expected " + expected);
    }
}
