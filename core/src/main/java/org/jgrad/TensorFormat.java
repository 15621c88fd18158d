package org.jgrad;

/** Renders tensors as text: nested brackets for small ones, a summary for large ones. */
final class TensorFormat {
    private static final int MAX_ELEMENTS = 1000;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        StringBuilder out = new StringBuilder("tensor(");
        if (t.numel() > MAX_ELEMENTS) {
            out.append("<").append(t.numel()).append(" elements>");
        } else {
            float[] values = t.toFloatArray();
            appendNested(out, values, t.shape(), 0, 0, t.dtype() == DType.INT32);
        }
        out.append(", shape=").append(Shape.toString(t.shape())).append(", dtype=").append(t.dtype());
        if (t.gradFn() != null) {
            out.append(", gradFn=").append(t.gradFn().name());
        } else if (t.requiresGrad()) {
            out.append(", requiresGrad=true");
        }
        return out.append(")").toString();
    }

    private static void appendNested(StringBuilder out, float[] values, int[] shape, int dim, int offset, boolean ints) {
        if (dim == shape.length) {
            out.append(ints ? String.valueOf((int) values[offset]) : String.format(java.util.Locale.ROOT, "%.4f", values[offset]));
            return;
        }
        int stride = Shape.product(shape, dim + 1, shape.length);
        out.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                out.append(dim == shape.length - 1 ? ", " : ",\n" + " ".repeat(8 + dim));
            }
            appendNested(out, values, shape, dim + 1, offset + i * stride, ints);
        }
        out.append(']');
    }
}
