package org.jgrad.ops;

import java.util.function.UnaryOperator;
import org.jgrad.DType;
import org.jgrad.Tensor;

/**
 * Ops that PyTorch keeps integer on integer input (neg, abs, max/min, where, gather,
 * indexSelect): an INT32 input is computed in FLOAT32, exact below 2^24, and the result cast back
 * to INT32. Integer tensors have no gradient, so nothing is recorded.
 */
final class IntegerValued {
    private IntegerValued() {
    }

    static Tensor viaFloat(Tensor x, UnaryOperator<Tensor> op) {
        Tensor asFloat = Kernels.cast(x, DType.FLOAT32);
        Tensor result = op.apply(asFloat);
        Tensor out = Kernels.cast(result, DType.INT32);
        result.close();
        asFloat.close();
        return out;
    }
}
