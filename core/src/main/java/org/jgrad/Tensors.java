package org.jgrad;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.Distribution;
import org.jgrad.internal.StaticOps;

/**
 * Creates tensors, on the default backend ({@link Backends#getDefault()}) unless one is given.
 * Random factories take an explicit seed or {@link Generator}: the same seed gives the same
 * numbers on every backend.
 */
public final class Tensors {
    private Tensors() {
    }

    /** A tensor of zeros of any dtype on {@code backend}. */
    public static Tensor zeros(Backend backend, DType dtype, int... shape) {
        return Tensor.wrap(backend, Storage.allocate(backend, dtype, Shape.numel(shape), true), shape);
    }

    /** A tensor whose every element the caller writes next, so it is not zeroed first. */
    static Tensor uninitialized(Backend backend, DType dtype, int... shape) {
        return Tensor.wrap(backend, Storage.allocate(backend, dtype, Shape.numel(shape), false), shape);
    }

    public static Tensor zeros(int... shape) {
        return zeros(Backends.getDefault(), DType.FLOAT32, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor ones(Backend backend, int... shape) {
        return full(backend, 1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        return full(Backends.getDefault(), value, shape);
    }

    public static Tensor full(Backend backend, float value, int... shape) {
        Tensor t = uninitialized(backend, DType.FLOAT32, shape);
        backend.fill(t.buffer(), value);
        return t;
    }

    /** A 0-dimensional tensor holding {@code value}. */
    public static Tensor scalar(float value) {
        return full(value);
    }

    /** INT32 values start, start+1, ..., end-1. */
    public static Tensor arange(int start, int end) {
        if (end < start) {
            throw new IllegalArgumentException("arange: end " + end + " is below start " + start);
        }
        int[] values = new int[end - start];
        for (int i = 0; i < values.length; i++) {
            values[i] = start + i;
        }
        return fromArray(values, values.length);
    }

    /** FLOAT32 values start, start+step, ... below end (above it for a negative step). */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0 || Float.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        if ((end - start) * step < 0) {
            throw new IllegalArgumentException("arange: step " + step + " moves away from end " + end + " (start " + start + ")");
        }
        int n = (int) Math.ceil((end - (double) start) / step);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (start + (double) i * step);
        }
        return fromArray(values, n);
    }

    /** A FLOAT32 tensor holding {@code data} (row-major) with {@code shape}. */
    public static Tensor fromArray(float[] data, int... shape) {
        return fromArray(Backends.getDefault(), data, shape);
    }

    public static Tensor fromArray(Backend backend, float[] data, int... shape) {
        checkLength(data.length, shape);
        Tensor t = uninitialized(backend, DType.FLOAT32, shape);
        backend.upload(data, t.buffer());
        return t;
    }

    /** An INT32 tensor holding {@code data} (row-major) with {@code shape}. */
    public static Tensor fromArray(int[] data, int... shape) {
        return fromArray(Backends.getDefault(), data, shape);
    }

    public static Tensor fromArray(Backend backend, int[] data, int... shape) {
        checkLength(data.length, shape);
        Tensor t = uninitialized(backend, DType.INT32, shape);
        backend.upload(data, t.buffer());
        return t;
    }

    /** Uniform on [0, 1). */
    public static Tensor rand(long seed, int... shape) {
        return uniform(0f, 1f, new Generator(seed), shape);
    }

    /** Standard normal. */
    public static Tensor randn(long seed, int... shape) {
        return normal(0f, 1f, new Generator(seed), shape);
    }

    /** Uniform on [low, high). */
    public static Tensor uniform(float low, float high, long seed, int... shape) {
        return uniform(low, high, new Generator(seed), shape);
    }

    public static Tensor rand(Generator generator, int... shape) {
        return uniform(0f, 1f, generator, shape);
    }

    public static Tensor randn(Generator generator, int... shape) {
        return normal(0f, 1f, generator, shape);
    }

    public static Tensor uniform(float low, float high, Generator generator, int... shape) {
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform: low " + low + " must be below high " + high);
        }
        return random(Backends.getDefault(), Distribution.UNIFORM, low, high, generator, shape);
    }

    public static Tensor normal(float mean, float std, Generator generator, int... shape) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal: standard deviation must be >= 0, got " + std);
        }
        return random(Backends.getDefault(), Distribution.NORMAL, mean, std, generator, shape);
    }

    /** A random FLOAT32 tensor on {@code backend}, drawing the next numel positions of the generator's stream. */
    public static Tensor random(Backend backend, Distribution dist, float a, float b, Generator generator, int... shape) {
        Tensor t = uninitialized(backend, DType.FLOAT32, shape);
        backend.random(dist, generator.seed(), generator.advance(t.numel()), a, b, t.buffer());
        return t;
    }

    /** Concatenates tensors along dim (all sizes equal except along dim). */
    public static Tensor cat(int dim, Tensor... tensors) {
        return StaticOps.cat(dim, tensors);
    }

    /** Joins equally shaped tensors along a new dimension dim. */
    public static Tensor stack(int dim, Tensor... tensors) {
        return StaticOps.stack(dim, tensors);
    }

    /** A 0-dimensional FLOAT32 tensor on the backend of {@code like}. */
    public static Tensor scalarLike(Tensor like, float value) {
        return full(like.backend(), value);
    }

    private static void checkLength(int length, int[] shape) {
        if (length != Shape.numel(shape)) {
            throw new IllegalArgumentException("fromArray: " + length + " values cannot fill shape "
                    + Shape.toString(shape) + " (" + Shape.numel(shape) + " elements)");
        }
    }
}
