package org.jgrad.nn.init;

import static org.jgrad.internal.TensorAccess.buffer;

import org.jgrad.DType;
import org.jgrad.Generator;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Distribution;
import org.jgrad.nn.InPlace;

/**
 * Weight initializers with PyTorch's {@code nn.init} formulas. Each overwrites the given tensor in
 * place (so a layer's parameter can be re-initialised while an optimizer holds it) and returns it.
 * Random ones draw from the given {@link Generator}, {@link Generator#global()} when none is given,
 * so {@code Generator.manualSeed(s)} makes a model's initial weights reproducible on every backend.
 *
 * <p>Fans follow PyTorch: for a weight of shape (out, in, k...) fan_in = in * prod(k) and
 * fan_out = out * prod(k).
 */
public final class Init {
    private Init() {
    }

    public static Tensor uniform(Tensor t, double low, double high) {
        return uniform(t, low, high, Generator.global());
    }

    /** Uniform on [low, high). */
    public static Tensor uniform(Tensor t, double low, double high, Generator generator) {
        return fill(t, Distribution.UNIFORM, low, high, generator);
    }

    public static Tensor normal(Tensor t, double mean, double std) {
        return normal(t, mean, std, Generator.global());
    }

    public static Tensor normal(Tensor t, double mean, double std, Generator generator) {
        return fill(t, Distribution.NORMAL, mean, std, generator);
    }

    public static Tensor constant(Tensor t, double value) {
        t.backend().fill(buffer(t), (float) value);
        return t;
    }

    public static Tensor zeros(Tensor t) {
        return constant(t, 0);
    }

    public static Tensor ones(Tensor t) {
        return constant(t, 1);
    }

    public static Tensor xavierUniform(Tensor t) {
        return xavierUniform(t, 1, Generator.global());
    }

    /** Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
    public static Tensor xavierUniform(Tensor t, double gain, Generator generator) {
        double bound = Math.sqrt(3) * xavierStd(t, gain, "xavierUniform");
        return uniform(t, -bound, bound, generator);
    }

    public static Tensor xavierNormal(Tensor t) {
        return xavierNormal(t, 1, Generator.global());
    }

    /** Glorot normal: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal(Tensor t, double gain, Generator generator) {
        return normal(t, 0, xavierStd(t, gain, "xavierNormal"), generator);
    }

    /** He uniform for ReLU layers: a = 0, fan_in, leaky-relu gain (that is, sqrt(2)). */
    public static Tensor kaimingUniform(Tensor t) {
        return kaimingUniform(t, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, Generator.global());
    }

    /**
     * He uniform: U(-b, b) with b = sqrt(3) * gain / sqrt(fan), the gain of {@code nonlinearity}
     * with negative slope {@code a} (used by LEAKY_RELU only).
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Generator generator) {
        double bound = Math.sqrt(3) * kaimingStd(t, a, mode, nonlinearity, "kaimingUniform");
        return uniform(t, -bound, bound, generator);
    }

    public static Tensor kaimingNormal(Tensor t) {
        return kaimingNormal(t, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, Generator.global());
    }

    /** He normal: N(0, std^2) with std = gain / sqrt(fan). */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, Generator generator) {
        return normal(t, 0, kaimingStd(t, a, mode, nonlinearity, "kaimingNormal"), generator);
    }

    /**
     * PyTorch's default for Linear and Conv2d: weight kaiming-uniform with a = sqrt(5) (which is
     * U(-1/sqrt(fan_in), 1/sqrt(fan_in))), then bias (when not null) U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
     */
    public static void linearDefaults(Tensor weight, Tensor bias, Generator generator) {
        kaimingUniform(weight, Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, generator);
        if (bias != null) {
            int fanIn = fanIn(weight.shape());
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            uniform(bias, -bound, bound, generator);
        }
    }

    /** Inputs per output unit of a weight shaped (out, in, k...): in * prod(k). */
    public static int fanIn(int[] shape) {
        requireMatrix("fanIn", shape);
        return shape[1] * Shape.product(shape, 2, shape.length);
    }

    /** Outputs per input unit of a weight shaped (out, in, k...): out * prod(k). */
    public static int fanOut(int[] shape) {
        requireMatrix("fanOut", shape);
        return shape[0] * Shape.product(shape, 2, shape.length);
    }

    private static double xavierStd(Tensor t, double gain, String name) {
        int[] shape = t.shape();
        requireMatrix(name, shape);
        return gain * Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape)));
    }

    private static double kaimingStd(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity, String name) {
        int[] shape = t.shape();
        requireMatrix(name, shape);
        int fan = mode == FanMode.FAN_IN ? fanIn(shape) : fanOut(shape);
        return nonlinearity.gain(a) / Math.sqrt(fan);
    }

    private static void requireMatrix(String name, int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException(name + ": fan in and fan out need a tensor of 2 or more dimensions, got "
                    + Shape.toString(shape));
        }
    }

    private static Tensor fill(Tensor t, Distribution distribution, double a, double b, Generator generator) {
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("init: random fill needs a FLOAT32 tensor, got " + t.dtype());
        }
        Tensor values = Tensors.random(t.backend(), distribution, (float) a, (float) b, generator, t.shape());
        InPlace.copy(values, t);
        values.close();
        return t;
    }
}
