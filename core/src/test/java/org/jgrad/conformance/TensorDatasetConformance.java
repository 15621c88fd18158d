package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.DType;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.data.Batch;
import org.jgrad.data.Dataset;
import org.jgrad.data.Example;
import org.jgrad.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TensorDataset's examples and batches, host- and tensor-backed, and the stacking default of Dataset. */
public class TensorDatasetConformance extends DataSupport {

    @ParameterizedTest(name = "{0} backing")
    @EnumSource(Backing.class)
    void batchesHoldTheChosenRowsInOrderWithRepeats(Backing backing) {
        TensorDataset data = numbered(10, backing);
        assertEquals(10, data.size());
        assertArrayEquals(new int[] {WIDTH}, data.inputShape());
        assertArrayEquals(new int[0], data.targetShape());
        assertEquals(DType.INT32, data.targetType());
        int[] indices = {9, 0, 4, 4, 7};
        try (Batch batch = data.batch(indices)) {
            assertArrayEquals(indices, exampleNumbers(batch));
            assertEquals(backend(), batch.inputs().backend(), "the batch is on the backend under test");
        }
    }

    @ParameterizedTest(name = "{0} backing")
    @EnumSource(Backing.class)
    void getReturnsOneExampleWithoutTheBatchDimension(Backing backing) {
        try (Example example = numbered(10, backing).get(6)) {
            assertArrayEquals(new int[] {WIDTH}, example.input().shape());
            assertArrayEquals(new float[] {6, -6, 6.25f}, example.input().toFloatArray());
            assertArrayEquals(new int[0], example.target().shape());
            assertEquals(DType.INT32, example.target().dtype());
            assertEquals(labelOf(6), example.target().toIntArray()[0]);
        }
    }

    @Test
    void regressionTargetsKeepTheirShapeForBothBackings() {
        float[] x = randomFloats(5 * 2 * 3, 1);
        float[] y = randomFloats(5 * 2, 2);
        Tensor xt = Scope.untrack(Tensors.fromArray(x, 5, 2, 3));
        Tensor yt = Scope.untrack(Tensors.fromArray(y, 5, 2));
        for (TensorDataset data : new TensorDataset[] {
                TensorDataset.ofTargets(x, new int[] {2, 3}, y, new int[] {2}), TensorDataset.of(xt, yt)}) {
            assertEquals(DType.FLOAT32, data.targetType());
            try (Batch batch = data.batch(new int[] {3, 1})) {
                assertArrayEquals(new int[] {2, 2, 3}, batch.inputs().shape());
                assertArrayEquals(new int[] {2, 2}, batch.targets().shape());
                float[] inputs = batch.inputs().toFloatArray();
                float[] targets = batch.targets().toFloatArray();
                for (int k = 0; k < 6; k++) {
                    assertEquals(x[3 * 6 + k], inputs[k], "example 3 input " + k);
                    assertEquals(x[6 + k], inputs[6 + k], "example 1 input " + k);
                }
                assertArrayEquals(new float[] {y[6], y[7], y[2], y[3]}, targets);
            }
        }
    }

    @Test
    void theDefaultBatchStacksExamples() {
        TensorDataset inner = numbered(8, Backing.HOST);
        Dataset byExample = new Dataset() {
            @Override
            public int size() {
                return inner.size();
            }

            @Override
            public Example get(int index) {
                return inner.get(index);
            }
        };
        try (Batch batch = byExample.batch(new int[] {5, 2, 7})) {
            assertArrayEquals(new int[] {5, 2, 7}, exampleNumbers(batch));
        }
        assertRejected(IndexOutOfBoundsException.class, () -> byExample.batch(new int[] {8}), "index 8", "8 examples");
    }

    @Test
    void rejectsInconsistentData() {
        assertRejected(IllegalArgumentException.class,
                () -> TensorDataset.ofLabels(new float[7], new int[] {WIDTH}, new int[2]), "7 values", "[3]");
        assertRejected(IllegalArgumentException.class,
                () -> TensorDataset.ofLabels(new float[9], new int[] {WIDTH}, new int[2]), "3 inputs", "2 targets");
        Tensor ints = Scope.untrack(Tensors.fromArray(new int[6], 2, 3));
        Tensor labels = Scope.untrack(Tensors.fromArray(new int[2], 2));
        assertRejected(IllegalArgumentException.class, () -> TensorDataset.of(ints, labels), "inputs must be FLOAT32");
        Tensor big = Scope.untrack(Tensors.fromArray(new int[] {1, 1 << 25}, 2));
        Tensor x = Scope.untrack(Tensors.fromArray(new float[6], 2, 3));
        assertRejected(IllegalArgumentException.class, () -> TensorDataset.of(x, big), "33554432", "2^24");
        assertRejected(IndexOutOfBoundsException.class, () -> numbered(4, Backing.TENSOR).get(-1), "index -1", "4 examples");
    }
}
