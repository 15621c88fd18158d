package org.jgrad.data;

import java.util.Arrays;

/** A growable float array, for readers that do not know the row count in advance. */
final class FloatList {
    private float[] values = new float[1024];
    private int size;

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
