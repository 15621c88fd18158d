package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.junit.jupiter.api.Test;

/** State dicts: round trips in place, and mismatches refused with the key and both shapes named. */
public class NnStateDictConformance extends NnSupport {

    private static Sequential model(long seed) {
        Generator.manualSeed(seed);
        return new Sequential(new Linear(6, 5), new BatchNorm1d(5), new ReLU(), new Linear(5, 2));
    }

    @Test
    void loadingAStateDictCopiesEveryValueInPlace() {
        Sequential source = model(1);
        source.forward(tensor(randomFloats(8 * 6, 50, -1, 3), 8, 6));
        Sequential target = model(2);
        Map<String, Tensor> before = new LinkedHashMap<>(target.stateDict());
        Tensor x = tensor(randomFloats(3 * 6, 51), 3, 6);
        source.eval();
        target.eval();
        assertFalse(Arrays.equals(source.forward(x).toFloatArray(), target.forward(x).toFloatArray()),
                "different seeds, different models");
        target.loadStateDict(source.stateDict());
        for (Map.Entry<String, Tensor> entry : target.stateDict().entrySet()) {
            assertSame(before.get(entry.getKey()), entry.getValue(), entry.getKey() + " is the same tensor object");
            assertArrayEquals(source.stateDict().get(entry.getKey()).toFloatArray(), entry.getValue().toFloatArray(),
                    entry.getKey());
            assertEquals(source.stateDict().get(entry.getKey()).requiresGrad(), entry.getValue().requiresGrad());
        }
        assertArrayEquals(source.forward(x).toFloatArray(), target.forward(x).toFloatArray(), "same state, same outputs");
    }

    @Test
    void aShapeMismatchNamesTheKeyAndBothShapesAndCopiesNothing() {
        Linear linear = new Linear(3, 4);
        float[] bias = linear.bias().toFloatArray();
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", Tensors.zeros(4, 5));
        state.put("bias", Tensors.ones(4));
        assertRejected(IllegalArgumentException.class, () -> linear.loadStateDict(state),
                "'weight'", "[4, 5]", "[4, 3]");
        assertArrayEquals(bias, linear.bias().toFloatArray(), "nothing copied when a check fails");
    }

    @Test
    void aDtypeMismatchIsRefused() {
        Linear linear = new Linear(2, 2);
        Map<String, Tensor> state = new LinkedHashMap<>(linear.stateDict());
        state.put("bias", Tensors.fromArray(backend(), new int[] {1, 2}, 2));
        assertRejected(IllegalArgumentException.class, () -> linear.loadStateDict(state),
                "'bias'", DType.INT32.toString());
    }

    @Test
    void strictLoadingRefusesMissingAndUnexpectedKeysAndLenientLoadingSkipsThem() {
        Linear linear = new Linear(3, 2);
        float[] bias = linear.bias().toFloatArray();
        float[] weight = randomFloats(6, 52);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", tensor(weight, 2, 3));
        state.put("extra", Tensors.zeros(1));
        assertRejected(IllegalArgumentException.class, () -> linear.loadStateDict(state),
                "missing keys [bias]", "unexpected keys [extra]");
        linear.loadStateDict(state, false);
        assertArrayEquals(weight, linear.weight().toFloatArray());
        assertArrayEquals(bias, linear.bias().toFloatArray());
    }

    @Test
    void stateDictValuesAreTheModulesOwnTensors() {
        Linear linear = new Linear(3, 2);
        assertSame(linear.weight(), linear.stateDict().get("weight"));
        assertSame(linear.bias(), linear.stateDict().get("bias"));
    }
}
