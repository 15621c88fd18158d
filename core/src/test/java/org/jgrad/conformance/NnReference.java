package org.jgrad.conformance;

import java.util.Arrays;

/**
 * Float64 loops computing layers straight from their definitions (PyTorch's documentation), for
 * the nn conformance tests; nothing here calls the code under test.
 */
public final class NnReference {
    private NnReference() {
    }

    /** A 2-D convolution case: input (n, c, h, w), weight (out, c/groups, k, k). */
    public record Conv(int n, int c, int h, int w, int out, int k, int stride, int pad, int dilation, int groups,
                       boolean bias) {
        public int outH() {
            return (h + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
        }

        public int outW() {
            return (w + 2 * pad - dilation * (k - 1) - 1) / stride + 1;
        }

        public int[] inputShape() {
            return new int[] {n, c, h, w};
        }

        public int[] outputShape() {
            return new int[] {n, out, outH(), outW()};
        }
    }

    /** y[r][o] = sum_i x[r][i] * w[o][i] + b[o] (b may be null), x holding rows of {@code in} values. */
    public static double[] linear(double[] x, int in, double[] w, int out, double[] b) {
        int rows = x.length / in;
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double sum = b == null ? 0 : b[o];
                for (int i = 0; i < in; i++) {
                    sum += x[r * in + i] * w[o * in + i];
                }
                y[r * out + o] = sum;
            }
        }
        return y;
    }

    /** Cross-correlation with zero padding, stride, dilation and groups; b may be null. */
    public static double[] conv2d(Conv s, double[] x, double[] w, double[] b) {
        int oh = s.outH();
        int ow = s.outW();
        int inPerGroup = s.c() / s.groups();
        int outPerGroup = s.out() / s.groups();
        double[] y = new double[s.n() * s.out() * oh * ow];
        for (int n = 0; n < s.n(); n++) {
            for (int o = 0; o < s.out(); o++) {
                int g = o / outPerGroup;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = b == null ? 0 : b[o];
                        for (int ci = 0; ci < inPerGroup; ci++) {
                            int c = g * inPerGroup + ci;
                            for (int ki = 0; ki < s.k(); ki++) {
                                for (int kj = 0; kj < s.k(); kj++) {
                                    int r = i * s.stride() - s.pad() + ki * s.dilation();
                                    int q = j * s.stride() - s.pad() + kj * s.dilation();
                                    if (r >= 0 && r < s.h() && q >= 0 && q < s.w()) {
                                        sum += x[((n * s.c() + c) * s.h() + r) * s.w() + q]
                                                * w[((o * inPerGroup + ci) * s.k() + ki) * s.k() + kj];
                                    }
                                }
                            }
                        }
                        y[((n * s.out() + o) * oh + i) * ow + j] = sum;
                    }
                }
            }
        }
        return y;
    }

    /**
     * Max or average pooling of (planes, h, w) with square windows; padding is -infinity for max and
     * counts as zeros in the average (count_include_pad).
     */
    public static double[] pool2d(double[] x, int planes, int h, int w, int k, int stride, int pad, boolean max) {
        int oh = (h + 2 * pad - k) / stride + 1;
        int ow = (w + 2 * pad - k) / stride + 1;
        double[] y = new double[planes * oh * ow];
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int ki = 0; ki < k; ki++) {
                        for (int kj = 0; kj < k; kj++) {
                            int r = i * stride - pad + ki;
                            int q = j * stride - pad + kj;
                            boolean inside = r >= 0 && r < h && q >= 0 && q < w;
                            double v = inside ? x[(p * h + r) * w + q] : max ? Double.NEGATIVE_INFINITY : 0;
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    y[(p * oh + i) * ow + j] = max ? acc : acc / (k * k);
                }
            }
        }
        return y;
    }

    /** Per channel of x viewed as (n, c, inner): {mean, biased variance}. */
    public static double[][] channelStats(double[] x, int n, int c, int inner) {
        double[] mean = new double[c];
        double[] var = new double[c];
        double count = (double) n * inner;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < inner; i++) {
                    sum += x[(b * c + ch) * inner + i];
                }
            }
            mean[ch] = sum / count;
            double sq = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < inner; i++) {
                    double d = x[(b * c + ch) * inner + i] - mean[ch];
                    sq += d * d;
                }
            }
            var[ch] = sq / count;
        }
        return new double[][] {mean, var};
    }

    /** (x - mean[ch]) / sqrt(var[ch] + eps) * w[ch] + b[ch] for x viewed as (n, c, inner); w, b may be null. */
    public static double[] batchNorm(double[] x, int c, int inner, double[] mean, double[] var, double eps,
                                     double[] w, double[] b) {
        double[] y = new double[x.length];
        for (int idx = 0; idx < x.length; idx++) {
            int ch = idx / inner % c;
            double v = (x[idx] - mean[ch]) / Math.sqrt(var[ch] + eps);
            y[idx] = w == null ? v : v * w[ch] + b[ch];
        }
        return y;
    }

    /** Each row of {@code size} values normalised with its own mean and biased variance, then w, b (may be null). */
    public static double[] layerNorm(double[] x, int size, double eps, double[] w, double[] b) {
        double[] y = new double[x.length];
        for (int row = 0; row < x.length / size; row++) {
            double[][] stats = channelStats(Arrays.copyOfRange(x, row * size, (row + 1) * size), 1, 1, size);
            for (int i = 0; i < size; i++) {
                double v = (x[row * size + i] - stats[0][0]) / Math.sqrt(stats[1][0] + eps);
                y[row * size + i] = w == null ? v : v * w[i] + b[i];
            }
        }
        return y;
    }

    /** Softmax over each run of {@code size} consecutive values (the last dimension). */
    public static double[] softmaxLast(double[] x, int size) {
        double[] y = new double[x.length];
        for (int row = 0; row < x.length / size; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                max = Math.max(max, x[row * size + i]);
            }
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += Math.exp(x[row * size + i] - max);
            }
            for (int i = 0; i < size; i++) {
                y[row * size + i] = Math.exp(x[row * size + i] - max) / sum;
            }
        }
        return y;
    }

    /** GELU, exact form x * (1 + erf(x / sqrt 2)) / 2. */
    public static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    /** erf by its Maclaurin series, accurate to about 1e-12 for |x| <= 3 (the range the tests use). */
    public static double erf(double x) {
        if (Math.abs(x) > 3) {
            throw new IllegalArgumentException("reference erf is only accurate for |x| <= 3, got " + x);
        }
        double term = x;
        double sum = x;
        for (int n = 1; Math.abs(term) > 1e-17; n++) {
            term *= -x * x / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    public static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
