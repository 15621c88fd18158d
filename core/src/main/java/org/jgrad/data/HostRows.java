package org.jgrad.data;

import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;

/**
 * Rows held in a Java array (float[] or int[]), row-major. A batch is copied row by row into one
 * array on the host and uploaded to the default backend in one call.
 */
final class HostRows implements Rows {
    private final Object data;
    private final DType dtype;
    private final int[] rowShape;
    private final int rowSize;
    private final int count;

    private HostRows(Object data, int length, DType dtype, int[] rowShape, String what) {
        this.data = data;
        this.dtype = dtype;
        this.rowShape = rowShape.clone();
        this.rowSize = Shape.numel(rowShape);
        if (rowSize == 0 || length % rowSize != 0) {
            throw new IllegalArgumentException(what + ": " + length + " values do not split into rows of shape "
                    + Shape.toString(rowShape) + " (" + rowSize + " values each)");
        }
        this.count = length / rowSize;
    }

    static HostRows of(float[] values, int[] rowShape, String what) {
        return new HostRows(values, values.length, DType.FLOAT32, rowShape, what);
    }

    static HostRows of(int[] values, int[] rowShape, String what) {
        return new HostRows(values, values.length, DType.INT32, rowShape, what);
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int[] rowShape() {
        return rowShape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Tensor gather(int[] indices) {
        int[] shape = new int[rowShape.length + 1];
        shape[0] = indices.length;
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        Object out = dtype == DType.FLOAT32 ? new float[indices.length * rowSize] : new int[indices.length * rowSize];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * rowSize, out, i * rowSize, rowSize);
        }
        return dtype == DType.FLOAT32 ? Tensors.fromArray((float[]) out, shape) : Tensors.fromArray((int[]) out, shape);
    }
}
