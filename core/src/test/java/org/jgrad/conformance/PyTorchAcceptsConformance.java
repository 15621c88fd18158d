package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.loss.CrossEntropyLoss;
import org.jgrad.loss.NLLLoss;
import org.jgrad.loss.Reduction;
import org.junit.jupiter.api.Test;

/**
 * Calls PyTorch accepts and jgrad once refused, with PyTorch's results: dims on 0-d tensors,
 * reductions over nothing, var without degrees of freedom, unbatched conv/pool/losses, INT32
 * inputs, mixed-dtype cat, clamp with min > max, dropout(p = 1).
 */
public class PyTorchAcceptsConformance extends TensorConformanceSupport {

    private static void assertValues(String what, int[] shape, float[] expected, Tensor actual) {
        assertArrayEquals(shape, actual.shape(), what + ": shape");
        assertArrayEquals(expected, actual.toFloatArray(), 1e-6f, what);
    }

    @Test
    void aDimOnA0dTensorNamesItsOneElement() {
        Tensor s = Tensors.scalar(2f).requiresGrad(true);
        assertValues("softmax(0)", new int[0], new float[] {1}, s.softmax(0));
        assertValues("logSoftmax(-1)", new int[0], new float[] {0}, s.logSoftmax(-1));
        assertValues("sum(0)", new int[0], new float[] {2}, s.sum(0, true));
        assertValues("max(0)", new int[0], new float[] {2}, s.max(0, false));
        assertIntTensor("argmax(-1)", new int[0], new int[] {0}, s.argmax(-1, false));
        assertValues("squeeze(0)", new int[0], new float[] {2}, s.squeeze(0));
        s.max(0, false).mul(3f).backward();
        assertValues("max(0) backward", new int[0], new float[] {3}, s.grad());
        assertRejected(IllegalArgumentException.class, () -> s.sum(1, false), "sum", "dimension 1", "0-d", "0 or -1");
    }

    @Test
    void reductionsOverNothingAndTheirGradients() {
        Tensor empty = tensor(new float[0], 0, 3).requiresGrad(true);
        assertValues("sum", new int[0], new float[] {0}, empty.sum());
        assertTrue(Float.isNaN(empty.mean().item()), "mean of nothing is NaN");
        assertValues("sum(0)", new int[] {3}, new float[] {0, 0, 0}, empty.sum(0, false));
        assertValues("sum(1)", new int[] {0}, new float[0], empty.sum(1, false));
        empty.sum().backward();
        assertValues("sum backward", new int[] {0, 3}, new float[0], empty.grad());
        Tensor row = tensor(new float[] {1, 2, 3}, 1, 3).requiresGrad(true);
        row.add(tensor(new float[0], 0, 3)).sum().backward();
        assertValues("broadcast backward through an empty dim", new int[] {1, 3}, new float[] {0, 0, 0}, row.grad());
    }

    @Test
    void varAndStdWithoutDegreesOfFreedomAreNaN() {
        Tensor one = tensor(new float[] {1, 2, 3}, 1, 3);
        for (float v : one.var(0, false).toFloatArray()) {
            assertTrue(Float.isNaN(v), "var of one sample, correction 1: " + v);
        }
        for (float v : one.std(0, false).toFloatArray()) {
            assertTrue(Float.isNaN(v), "std of one sample: " + v);
        }
    }

    @Test
    void unbatchedInputsGiveTheFirstSampleOfTheBatchedResult() {
        float[] image = randomFloats(2 * 5 * 5, 1);
        Tensor weight = tensor(randomFloats(3 * 2 * 3 * 3, 2), 3, 2, 3, 3);
        Tensor batched = tensor(image, 1, 2, 5, 5);
        Tensor unbatched = tensor(image, 2, 5, 5);
        assertValues("conv2d", new int[] {3, 3, 3}, batched.conv2d(weight, null, 1, 0).toFloatArray(),
                unbatched.conv2d(weight, null, 1, 0));
        assertValues("maxPool2d", new int[] {2, 2, 2}, batched.maxPool2d(2, 2, 0).toFloatArray(), unbatched.maxPool2d(2, 2, 0));
        assertValues("avgPool2d", new int[] {2, 2, 2}, batched.avgPool2d(2, 2, 0).toFloatArray(), unbatched.avgPool2d(2, 2, 0));
        Tensor logits = tensor(new float[] {1, 2, 3}, 3);
        Tensor label = Tensors.fromArray(new int[] {2});
        double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        assertEquals(expected, new CrossEntropyLoss().apply(logits, label).item(), 1e-6);
        assertValues("CE none", new int[0], new float[] {(float) expected},
                new CrossEntropyLoss().reduction(Reduction.NONE).apply(logits, label));
        assertEquals(-3, new NLLLoss().apply(logits, label).item(), 0);
    }

    @Test
    void int32InputsStayInt32WherePyTorchKeepsThem() {
        Tensor i = intTensor(new int[] {3, -4, 5}, 3);
        assertIntTensor("neg", new int[] {3}, new int[] {-3, 4, -5}, i.neg());
        assertIntTensor("abs", new int[] {3}, new int[] {3, 4, 5}, i.abs());
        assertIntTensor("max", new int[0], new int[] {5}, i.max());
        assertIntTensor("min(0)", new int[0], new int[] {-4}, i.min(0, false));
        assertIntTensor("where", new int[] {3}, new int[] {3, 0, 5}, i.where(i.gt(0f), intTensor(new int[] {0, 0, 0}, 3)));
        assertValues("where int and float", new int[] {3}, new float[] {3, 0.5f, 5},
                i.where(i.gt(0f), tensor(new float[] {0.5f, 0.5f, 0.5f}, 3)));
        Tensor index = intTensor(new int[] {2, 0}, 2);
        assertIntTensor("gather", new int[] {2}, new int[] {5, 3}, i.gather(0, index));
        assertIntTensor("indexSelect", new int[] {2}, new int[] {5, 3}, i.indexSelect(0, index));
        Tensor zeroD = Tensors.fromArray(new int[] {2});
        assertValues("indexSelect with a 0-d index", new int[] {1}, new float[] {3},
                tensor(new float[] {1, 2, 3}, 3).indexSelect(0, zeroD));
        assertValues("gather on 0-d", new int[0], new float[] {5}, Tensors.scalar(5f).gather(0, Tensors.fromArray(new int[] {0})));
        Tensor mixed = Tensors.cat(0, tensor(new float[] {1.5f, 1}, 2), i);
        assertEquals(DType.FLOAT32, mixed.dtype(), "cat promotes to FLOAT32");
        assertValues("cat", new int[] {5}, new float[] {1.5f, 1, 3, -4, 5}, mixed);
    }

    @Test
    void clampWithMinAboveMaxAndDropoutOfOne() {
        Tensor x = tensor(new float[] {-1, 0.5f, 3}, 3).requiresGrad(true);
        Tensor clamped = x.clamp(2f, 1f);
        assertValues("clamp(2, 1)", new int[] {3}, new float[] {1, 1, 1}, clamped);
        clamped.sum().backward();
        assertValues("clamp(2, 1) backward", new int[] {3}, new float[] {0, 0, 0}, x.grad());
        Tensor y = tensor(new float[] {1, 2, 3, 4}, 4).requiresGrad(true);
        Tensor dropped = y.dropout(1f, new Generator(3));
        assertValues("dropout(1)", new int[] {4}, new float[] {0, 0, 0, 0}, dropped);
        dropped.sum().backward();
        assertValues("dropout(1) backward", new int[] {4}, new float[] {0, 0, 0, 0}, y.grad());
        assertRejected(IllegalArgumentException.class, () -> y.dropout(1.5f, new Generator(3)), "[0, 1]", "1.5");
    }
}
