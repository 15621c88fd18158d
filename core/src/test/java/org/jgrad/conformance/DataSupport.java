package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.DType;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.data.Batch;
import org.jgrad.data.TensorDataset;

/**
 * Base of the data suites: a dataset whose example i is recognisable from its values (input
 * [i, -i, i + 0.25], label 7i mod 5), held in host arrays or in tensors on the backend under test.
 */
abstract class DataSupport extends TensorConformanceSupport {
    static final int WIDTH = 3;

    /** Which storage a TensorDataset uses. */
    enum Backing { HOST, TENSOR }

    static float[] numberedInputs(int n) {
        float[] x = new float[n * WIDTH];
        for (int i = 0; i < n; i++) {
            x[i * WIDTH] = i;
            x[i * WIDTH + 1] = -i;
            x[i * WIDTH + 2] = i + 0.25f;
        }
        return x;
    }

    static int labelOf(int i) {
        return 7 * i % 5;
    }

    static int[] numberedLabels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labelOf(i);
        }
        return y;
    }

    /** n numbered examples; tensor-backed data lives outside the test's scope, as a real dataset's would. */
    static TensorDataset numbered(int n, Backing backing) {
        if (backing == Backing.HOST) {
            return TensorDataset.ofLabels(numberedInputs(n), new int[] {WIDTH}, numberedLabels(n));
        }
        Tensor x = Scope.untrack(Tensors.fromArray(numberedInputs(n), n, WIDTH));
        Tensor y = Scope.untrack(Tensors.fromArray(numberedLabels(n), n));
        return TensorDataset.of(x, y);
    }

    /**
     * The example numbers in a batch of a numbered dataset, after checking that every row is
     * whole (input and label belong to the same example) and the shapes and dtypes are right.
     */
    static int[] exampleNumbers(Batch batch) {
        int n = batch.size();
        assertArrayEquals(new int[] {n, WIDTH}, batch.inputs().shape(), "batch inputs shape");
        assertArrayEquals(new int[] {n}, batch.targets().shape(), "batch targets shape");
        assertEquals(DType.INT32, batch.targets().dtype(), "labels dtype");
        float[] x = batch.inputs().toFloatArray();
        int[] y = batch.targets().toIntArray();
        int[] numbers = new int[n];
        for (int r = 0; r < n; r++) {
            numbers[r] = (int) x[r * WIDTH];
            assertEquals(numbers[r], x[r * WIDTH], "example number is whole");
            assertEquals(-numbers[r], x[r * WIDTH + 1], "row " + r + " column 1");
            assertEquals(numbers[r] + 0.25f, x[r * WIDTH + 2], "row " + r + " column 2");
            assertEquals(labelOf(numbers[r]), y[r], "label of example " + numbers[r]);
        }
        return numbers;
    }
}
