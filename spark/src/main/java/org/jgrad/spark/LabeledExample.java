package org.jgrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One training example as Spark ships it: the input's shape and values (row-major FLOAT32) and
 * an integer class label. Shapes are checked when training starts, per partition.
 */
public record LabeledExample(int[] shape, float[] values, int label) implements Serializable {

    public LabeledExample {
        Objects.requireNonNull(shape, "LabeledExample: shape");
        Objects.requireNonNull(values, "LabeledExample: values");
        long count = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("LabeledExample: shape " + Arrays.toString(shape) + " has a dimension < 1");
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("LabeledExample: shape " + Arrays.toString(shape) + " holds " + count
                    + " values, got " + values.length);
        }
    }

    /** An example with the given input values, label and input shape. */
    public static LabeledExample of(float[] values, int label, int... shape) {
        return new LabeledExample(shape.clone(), values, label);
    }

    @Override
    public String toString() {
        return "LabeledExample[shape=" + Arrays.toString(shape) + ", label=" + label + "]";
    }
}
