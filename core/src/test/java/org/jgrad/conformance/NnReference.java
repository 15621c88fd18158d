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
            return outSize(h, k, stride, pad, dilation);
        }

        public int outW() {
            return outSize(w, k, stride, pad, dilation);
        }

        public int[] inputShape() {
            return new int[] {n, c, h, w};
        }

        public int[] outputShape() {
            return new int[] {n, out, outH(), outW()};
        }

        public int[] weightShape() {
            return new int[] {out, c / groups, k, k};
        }
    }

    /** Outputs along one spatial dimension of a convolution or pooling window sliding over {@code size} inputs. */
    public static int outSize(int size, int kernel, int stride, int pad, int dilation) {
        return (size + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;
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
        return conv2d(s.inputShape(), x, s.weightShape(), w, b, s.stride(), s.pad(), s.dilation(), s.groups());
    }

    /**
     * Cross-correlation of x (n, c, h, w) with w (out, c/groups, kh, kw), zero padding, stride,
     * dilation and groups; b may be null. The result is (n, out, outH, outW), see {@link #outSize}.
     */
    public static double[] conv2d(int[] xShape, double[] x, int[] wShape, double[] w, double[] b, int stride, int pad,
                                  int dilation, int groups) {
        int batch = xShape[0];
        int channels = xShape[1];
        int h = xShape[2];
        int width = xShape[3];
        int out = wShape[0];
        int inPerGroup = wShape[1];
        int kh = wShape[2];
        int kw = wShape[3];
        int oh = outSize(h, kh, stride, pad, dilation);
        int ow = outSize(width, kw, stride, pad, dilation);
        int outPerGroup = out / groups;
        double[] y = new double[batch * out * oh * ow];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                int g = o / outPerGroup;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = b == null ? 0 : b[o];
                        for (int ci = 0; ci < inPerGroup; ci++) {
                            int c = g * inPerGroup + ci;
                            for (int ki = 0; ki < kh; ki++) {
                                for (int kj = 0; kj < kw; kj++) {
                                    int r = i * stride - pad + ki * dilation;
                                    int q = j * stride - pad + kj * dilation;
                                    if (r >= 0 && r < h && q >= 0 && q < width) {
                                        sum += x[((n * channels + c) * h + r) * width + q]
                                                * w[((o * inPerGroup + ci) * kh + ki) * kw + kj];
                                    }
                                }
                            }
                        }
                        y[((n * out + o) * oh + i) * ow + j] = sum;
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
        int oh = outSize(h, k, stride, pad, 1);
        int ow = outSize(w, k, stride, pad, 1);
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
            System.arraycopy(softmax(Arrays.copyOfRange(x, row * size, (row + 1) * size)), 0, y, row * size, size);
        }
        return y;
    }

    /** exp(v - max) / sum of exp(v - max) over one lane. */
    public static double[] softmax(double[] lane) {
        double max = max(lane);
        double sum = sumOfExp(lane, max);
        double[] y = new double[lane.length];
        for (int i = 0; i < lane.length; i++) {
            y[i] = Math.exp(lane[i] - max) / sum;
        }
        return y;
    }

    /** v - max - log(sum of exp(v - max)) over one lane. */
    public static double[] logSoftmax(double[] lane) {
        double max = max(lane);
        double logSum = Math.log(sumOfExp(lane, max));
        double[] y = new double[lane.length];
        for (int i = 0; i < lane.length; i++) {
            y[i] = lane[i] - max - logSum;
        }
        return y;
    }

    private static double max(double[] lane) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lane) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double sumOfExp(double[] lane, double max) {
        double sum = 0;
        for (double v : lane) {
            sum += Math.exp(v - max);
        }
        return sum;
    }

    /** GELU, exact form x * (1 + erf(x / sqrt 2)) / 2. */
    public static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    /**
     * erf(x) = 2/sqrt(pi) times the integral of exp(-t^2) over [0, x], by composite Simpson's rule
     * on 4000 panels (error below 1e-11 for |x| <= 10), with erf(x) = sign(x) beyond.
     */
    public static double erf(double x) {
        if (Math.abs(x) > 10) {
            return Math.signum(x);
        }
        int panels = 4000;
        double h = x / panels;
        double sum = 1 + Math.exp(-x * x);
        for (int i = 1; i < panels; i++) {
            double t = i * h;
            sum += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
        }
        return 2 / Math.sqrt(Math.PI) * sum * h / 3;
    }
}
