package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batchNormForward and batchNormBackward primitives against float64 formulas, on the backend's
 * own kernels and on the SPI's composed defaults; and the backend's bits equal to the defaults'
 * (the primitives fix the arithmetic), with and without weight and bias, NaN and infinite inputs
 * included, and each gradient alone.
 */
public class BatchNormPrimitiveConformance extends ConformanceSupport {
    private static final float EPS = 1e-5f;
    private static final String[] NAMES = {"centered", "out", "mean", "variance", "invStd", "scale", "gradInput",
        "gradWeight", "gradBias"};

    static Stream<Arguments> cases() {
        return Stream.of(
                // batch, channels, spatial, affine
                Arguments.of(2, 3, 5, true),
                Arguments.of(3, 1, 37, true),
                Arguments.of(5, 4, 1, false),
                Arguments.of(1, 2, 19, false),
                Arguments.of(4, 2, 33, true),
                // the MNIST CNN's second layer, split across threads
                Arguments.of(8, 16, 196, true),
                // rows longer than one block of the CPU's fixed-order sum
                Arguments.of(2, 3, 20000, true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesFloat64AndTheComposedDefaultsBits(int batch, int channels, int spatial, boolean affine) {
        float[] x = randomFloats(batch * channels * spatial, 51, 2, 4);
        float[] weight = affine ? randomFloats(channels, 52, 0.5, 1.5) : null;
        float[] bias = affine ? randomFloats(channels, 53) : null;
        float[] grad = randomFloats(x.length, 54);
        float[][] own = run(backend(), batch, channels, spatial, x, weight, bias, grad);
        float[][] composed = run(new ForwardingBackend(backend()), batch, channels, spatial, x, weight, bias, grad);
        double[][] expected = reference(batch, channels, spatial, x, weight, bias, grad);
        String what = "(" + batch + ", " + channels + ", " + spatial + ") affine " + affine;
        for (int i = 0; i < NAMES.length; i++) {
            if (own[i] == null) {
                continue;
            }
            assertClose(NAMES[i] + " " + what, expected[i], own[i], 1e-4, 1e-4);
            assertClose(NAMES[i] + " composed " + what, expected[i], composed[i], 1e-4, 1e-4);
            assertArrayEquals(composed[i], own[i], NAMES[i] + ": the backend's bits differ from the composed default's, " + what);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nonFiniteInputsGiveTheComposedDefaultsBitsAndEachGradientAlone(int batch, int channels, int spatial,
                                                                       boolean affine) {
        float[] x = randomFloats(batch * channels * spatial, 61);
        x[0] = Float.NaN;
        x[x.length - 1] = Float.POSITIVE_INFINITY;
        float[] weight = affine ? randomFloats(channels, 62) : null;
        float[] bias = affine ? randomFloats(channels, 63) : null;
        float[] grad = randomFloats(x.length, 64);
        grad[x.length / 2] = -0f;
        float[][] own = run(backend(), batch, channels, spatial, x, weight, bias, grad);
        float[][] composed = run(new ForwardingBackend(backend()), batch, channels, spatial, x, weight, bias, grad);
        String what = "(" + batch + ", " + channels + ", " + spatial + ") affine " + affine + " with NaN and inf";
        for (int i = 0; i < NAMES.length; i++) {
            assertArrayEquals(composed[i], own[i], NAMES[i] + ": the backend's bits differ from the composed default's, " + what);
        }
        float[][] inputOnly = backward(backend(), batch, channels, spatial, own, grad, true, false);
        assertArrayEquals(own[6], inputOnly[0], "gradInput alone, " + what);
        if (affine) {
            float[][] parametersOnly = backward(backend(), batch, channels, spatial, own, grad, false, true);
            assertArrayEquals(own[7], parametersOnly[1], "gradWeight alone, " + what);
            assertArrayEquals(own[8], parametersOnly[2], "gradBias alone, " + what);
        }
    }

    /** On the backend's route and the defaults', a buffer of the wrong length is named with both lengths. */
    @Test
    void wrongLengthsAreRejectedByName() {
        for (Backend route : new Backend[] {backend(), new ForwardingBackend(backend())}) {
            Buffer x = upload(randomFloats(2 * 3 * 4, 71));
            Buffer perChannel = upload(new float[3]);
            Buffer whole = upload(new float[24]);
            Buffer shortChannels = upload(new float[2]);
            assertRejected(IllegalArgumentException.class, () -> route.batchNormForward(2, 3, 4, EPS, x, null, null,
                    whole, upload(new float[24]), shortChannels, perChannel, perChannel, perChannel), "mean", "2", "3");
            assertRejected(IllegalArgumentException.class, () -> route.batchNormBackward(2, 3, 4, x, upload(new float[23]),
                    perChannel, perChannel, whole, null, null), "centered", "23", "24");
        }
    }

    /** centered, out, mean, variance, invStd, scale, then gradInput, gradWeight and gradBias (null when not affine). */
    private float[][] run(Backend route, int batch, int channels, int spatial, float[] x, float[] weight, float[] bias,
                          float[] grad) {
        Buffer[] outs = new Buffer[6];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = route.allocate(DType.FLOAT32, i < 2 ? x.length : channels);
        }
        route.batchNormForward(batch, channels, spatial, EPS, upload(x), weight == null ? null : upload(weight),
                bias == null ? null : upload(bias), outs[0], outs[1], outs[2], outs[3], outs[4], outs[5]);
        float[][] results = new float[9][];
        for (int i = 0; i < outs.length; i++) {
            results[i] = route.downloadFloat(outs[i]);
        }
        float[][] grads = backward(route, batch, channels, spatial, results, grad, true, weight != null);
        System.arraycopy(grads, 0, results, 6, 3);
        return results;
    }

    /** gradInput, gradWeight, gradBias from forward's results, each null unless asked for. */
    private float[][] backward(Backend route, int batch, int channels, int spatial, float[][] forward, float[] grad,
                               boolean input, boolean parameters) {
        Buffer gradInput = input ? route.allocate(DType.FLOAT32, grad.length) : null;
        Buffer gradWeight = parameters ? route.allocate(DType.FLOAT32, channels) : null;
        Buffer gradBias = parameters ? route.allocate(DType.FLOAT32, channels) : null;
        route.batchNormBackward(batch, channels, spatial, upload(grad), upload(forward[0]), upload(forward[4]),
                upload(forward[5]), gradInput, gradWeight, gradBias);
        return new float[][] {input ? route.downloadFloat(gradInput) : null,
            parameters ? route.downloadFloat(gradWeight) : null, parameters ? route.downloadFloat(gradBias) : null};
    }

    /** The float64 formulas, in the order of {@link #NAMES}. */
    private static double[][] reference(int batch, int channels, int spatial, float[] x, float[] weight, float[] bias,
                                        float[] grad) {
        int m = batch * spatial;
        double[][] r = new double[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) {
            r[i] = new double[i < 2 || i == 6 ? x.length : channels];
        }
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double squares = 0;
            double gradSum = 0;
            double products = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int n = 0; n < batch; n++) {
                    for (int i = (n * channels + c) * spatial, end = i + spatial; i < end; i++) {
                        if (pass == 0) {
                            sum += x[i];
                        } else {
                            double d = x[i] - sum / m;
                            squares += d * d;
                            gradSum += grad[i];
                            products += grad[i] * d;
                        }
                    }
                }
            }
            double mean = sum / m;
            double invStd = 1 / Math.sqrt(squares / m + EPS);
            double scale = weight == null ? invStd : invStd * weight[c];
            r[2][c] = mean;
            r[3][c] = squares / m;
            r[4][c] = invStd;
            r[5][c] = scale;
            r[7][c] = products * invStd;
            r[8][c] = gradSum;
            for (int n = 0; n < batch; n++) {
                for (int i = (n * channels + c) * spatial, end = i + spatial; i < end; i++) {
                    double d = x[i] - mean;
                    r[0][i] = d;
                    r[1][i] = d * scale + (bias == null ? 0 : bias[c]);
                    r[6][i] = scale * (grad[i] - gradSum / m - d * invStd * invStd * products / m);
                }
            }
        }
        return r;
    }
}
