package org.jgrad.data;

import org.jgrad.Tensor;

/** Index checks and clean-up shared by the datasets of this package. */
final class Indices {
    private Indices() {
    }

    /** Returns index, or throws naming it and the size when it is outside [0, size). */
    static int check(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside a dataset of " + size + " examples");
        }
        return index;
    }

    /** 0, 1, ..., n - 1. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Closes every non-null tensor. */
    static void closeAll(Tensor[] tensors) {
        for (Tensor t : tensors) {
            if (t != null) {
                t.close();
            }
        }
    }
}
