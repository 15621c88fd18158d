package org.jgrad.conformance;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * A float64 n-dimensional array on the host, row-major: the reference side of the ops
 * conformance tests. Written independently of the tensor core (its own broadcasting, strides and
 * index arithmetic), so a reference never reuses the code it checks.
 */
public final class HostArray {
    private final int[] shape;
    private final double[] data;

    private HostArray(int[] shape, double[] data) {
        this.shape = shape.clone();
        this.data = data;
        if (data.length != count(shape)) {
            throw new IllegalArgumentException(data.length + " values for shape " + Arrays.toString(shape));
        }
    }

    /** The float values (exactly, widened to float64) with the given shape. */
    public static HostArray of(float[] values, int... shape) {
        return new HostArray(shape, ConformanceSupport.doubles(values));
    }

    public static HostArray of(double[] values, int... shape) {
        return new HostArray(shape, values.clone());
    }

    public static HostArray zeros(int... shape) {
        return new HostArray(shape, new double[count(shape)]);
    }

    /** Uniform values in [lo, hi), each rounded to float32 so that a tensor can hold them exactly. */
    public static HostArray random(long seed, double lo, double hi, int... shape) {
        return of(ConformanceSupport.randomFloats(count(shape), seed, lo, hi), shape);
    }

    /** Integers drawn uniformly from [lo, hi), as floats: many ties, for comparisons and arg-reductions. */
    public static HostArray randomIntegers(long seed, int lo, int hi, int... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[count(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(lo, hi);
        }
        return new HostArray(shape, data);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int numel() {
        return data.length;
    }

    public double[] data() {
        return data.clone();
    }

    public float[] toFloats() {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (float) data[i];
        }
        return out;
    }

    /** The values as ints (truncated): for index and label arrays. */
    public int[] toInts() {
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (int) data[i];
        }
        return out;
    }

    public double get(int... index) {
        return data[offset(index)];
    }

    public void set(double value, int... index) {
        data[offset(index)] = value;
    }

    public HostArray map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new HostArray(shape, out);
    }

    /** The same values under another shape with as many elements. */
    public HostArray reshape(int... newShape) {
        return new HostArray(newShape, data.clone());
    }

    /** f(a, b) elementwise under NumPy broadcasting. */
    public static HostArray zip(HostArray a, HostArray b, DoubleBinaryOperator f) {
        int[] out = broadcastShape(a, b);
        HostArray result = zeros(out);
        for (int flat = 0; flat < result.data.length; flat++) {
            int[] index = unravel(flat, out);
            result.data[flat] = f.applyAsDouble(a.data[a.broadcastOffset(index)], b.data[b.broadcastOffset(index)]);
        }
        return result;
    }

    /** a where cond is non-zero, else b; all three broadcast. */
    public static HostArray where(HostArray cond, HostArray a, HostArray b) {
        int[] out = broadcastShape(cond, a, b);
        HostArray result = zeros(out);
        for (int flat = 0; flat < result.data.length; flat++) {
            int[] index = unravel(flat, out);
            result.data[flat] = cond.data[cond.broadcastOffset(index)] != 0 ? a.data[a.broadcastOffset(index)]
                    : b.data[b.broadcastOffset(index)];
        }
        return result;
    }

    private static int[] broadcastShape(HostArray... arrays) {
        int rank = 0;
        for (HostArray x : arrays) {
            rank = Math.max(rank, x.rank());
        }
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        for (HostArray x : arrays) {
            for (int i = 0; i < rank; i++) {
                int size = sizeFromEnd(x.shape, rank - i);
                if (size != 1 && out[i] != 1 && size != out[i]) {
                    throw new IllegalArgumentException("reference: shapes do not broadcast at dimension " + i);
                }
                out[i] = Math.max(out[i], size);
            }
        }
        return out;
    }

    /** f over each lane along dim (the values with every other index fixed), keeping dim as size 1 or dropping it. */
    public HostArray reduce(int dim, boolean keepDim, ToDoubleFunction<double[]> f) {
        return reduce(new int[] {dim}, keepDim, f);
    }

    /** f over the values that share every index outside dims (non-negative, distinct), in row-major order. */
    public HostArray reduce(int[] dims, boolean keepDim, ToDoubleFunction<double[]> f) {
        int[] kept = shape.clone();
        boolean[] reduced = new boolean[shape.length];
        for (int d : dims) {
            kept[d] = 1;
            reduced[d] = true;
        }
        int outCount = count(kept);
        double[][] groups = new double[outCount][data.length / Math.max(1, outCount)];
        int[] filled = new int[outCount];
        for (int flat = 0; flat < data.length; flat++) {
            int[] index = unravel(flat, shape);
            for (int d = 0; d < index.length; d++) {
                index[d] = reduced[d] ? 0 : index[d];
            }
            int group = offsetIn(index, kept);
            groups[group][filled[group]++] = data[flat];
        }
        double[] out = new double[outCount];
        for (int g = 0; g < outCount; g++) {
            out[g] = f.applyAsDouble(groups[g]);
        }
        if (keepDim) {
            return new HostArray(kept, out);
        }
        int[] dropped = new int[shape.length - dims.length];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!reduced[i]) {
                dropped[j++] = shape[i];
            }
        }
        return new HostArray(dropped, out);
    }

    /** Replaces each lane along dim by f(lane) of the same length (softmax and the like). */
    public HostArray mapLanes(int dim, UnaryOperator<double[]> f) {
        int size = shape[dim];
        int[] kept = shape.clone();
        kept[dim] = 1;
        HostArray out = zeros(shape);
        for (int flat = 0; flat < count(kept); flat++) {
            int[] index = unravel(flat, kept);
            double[] mapped = f.apply(lane(index, dim, size));
            for (int j = 0; j < size; j++) {
                index[dim] = j;
                out.set(mapped[j], index);
            }
        }
        return out;
    }

    /** out[i0, .., in] = this[index where dimension dims[k] takes i_k]. */
    public HostArray permute(int... dims) {
        int[] out = new int[dims.length];
        for (int k = 0; k < dims.length; k++) {
            out[k] = shape[dims[k]];
        }
        HostArray result = zeros(out);
        int[] source = new int[shape.length];
        for (int flat = 0; flat < result.data.length; flat++) {
            int[] index = unravel(flat, out);
            for (int k = 0; k < dims.length; k++) {
                source[dims[k]] = index[k];
            }
            result.data[flat] = get(source);
        }
        return result;
    }

    /** The multi-index of row-major position flat in shape. */
    public static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    public static int count(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    private double[] lane(int[] index, int dim, int size) {
        int[] at = index.clone();
        double[] values = new double[size];
        for (int j = 0; j < size; j++) {
            at[dim] = j;
            values[j] = get(at);
        }
        return values;
    }

    private int offset(int[] index) {
        return offsetIn(index, shape);
    }

    private static int offsetIn(int[] index, int[] shape) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " for shape " + Arrays.toString(shape));
        }
        int off = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " for shape " + Arrays.toString(shape));
            }
            off = off * shape[d] + index[d];
        }
        return off;
    }

    /** Offset of the element a broadcast result index reads: trailing-aligned, size-1 dimensions read index 0. */
    private int broadcastOffset(int[] resultIndex) {
        int lead = resultIndex.length - shape.length;
        int off = 0;
        for (int d = 0; d < shape.length; d++) {
            off = off * shape[d] + (shape[d] == 1 ? 0 : resultIndex[lead + d]);
        }
        return off;
    }

    private static int sizeFromEnd(int[] shape, int fromEnd) {
        return fromEnd <= shape.length ? shape[shape.length - fromEnd] : 1;
    }

    @Override
    public String toString() {
        return "HostArray" + Arrays.toString(shape);
    }
}
