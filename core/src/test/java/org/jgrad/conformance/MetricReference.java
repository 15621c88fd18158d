package org.jgrad.conformance;

/**
 * Float64 references of the metrics, written from scikit-learn's definitions over whole label
 * arrays (not streamed, and sharing no code with {@code org.jgrad.train.metrics}).
 */
final class MetricReference {
    /** Batch sizes that do not divide evenly: 1, 7, 64, 129 and 3 samples (204 in all). */
    static final int[] UNEVEN_BATCHES = {1, 7, 64, 129, 3};

    /** Which per-class score. */
    enum Score { PRECISION, RECALL, F1 }

    private MetricReference() {
    }

    static int total(int[] batchSizes) {
        int n = 0;
        for (int size : batchSizes) {
            n += size;
        }
        return n;
    }

    /** The first index of the largest of each row of a row-major [n, k] array. */
    static int[] argmax(float[] scores, int n, int k) {
        int[] best = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 1; c < k; c++) {
                if (scores[i * k + c] > scores[i * k + best[i]]) {
                    best[i] = c;
                }
            }
        }
        return best;
    }

    static double accuracy(int[] truth, int[] predicted) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) correct / truth.length;
    }

    /** counts[t][p]: samples of class t predicted as p. */
    static long[][] confusion(int[] truth, int[] predicted, int k) {
        long[][] counts = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }

    /** scikit-learn's {@code average=None}: one score per class, 0 where the denominator is 0. */
    static double[] perClass(Score score, int[] truth, int[] predicted, int k) {
        double[] scores = new double[k];
        for (int c = 0; c < k; c++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < truth.length; i++) {
                boolean isC = truth[i] == c;
                boolean saysC = predicted[i] == c;
                tp += isC && saysC ? 1 : 0;
                fp += !isC && saysC ? 1 : 0;
                fn += isC && !saysC ? 1 : 0;
            }
            scores[c] = switch (score) {
                case PRECISION -> tp + fp == 0 ? 0 : (double) tp / (tp + fp);
                case RECALL -> tp + fn == 0 ? 0 : (double) tp / (tp + fn);
                case F1 -> {
                    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
                    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
                    yield p + r == 0 ? 0 : 2 * p * r / (p + r);
                }
            };
        }
        return scores;
    }

    /** {@code average="macro"} with labels=None: the mean over classes found in truth or predictions. */
    static double macro(Score score, int[] truth, int[] predicted, int k) {
        double[] scores = perClass(score, truth, predicted, k);
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (contains(truth, c) || contains(predicted, c)) {
                sum += scores[c];
                present++;
            }
        }
        return sum / present;
    }

    /** {@code average="weighted"}: weights are the number of true samples of each class. */
    static double weighted(Score score, int[] truth, int[] predicted, int k) {
        double[] scores = perClass(score, truth, predicted, k);
        double sum = 0;
        for (int label : truth) {
            sum += scores[label];
        }
        return sum / truth.length;
    }

    /** {@code average="micro"}: tp, fp, fn summed over classes first. */
    static double micro(Score score, int[] truth, int[] predicted) {
        double tp = 0;
        for (int i = 0; i < truth.length; i++) {
            tp += truth[i] == predicted[i] ? 1 : 0;
        }
        double fp = truth.length - tp;
        double fn = truth.length - tp;
        double p = tp / (tp + fp);
        double r = tp / (tp + fn);
        return switch (score) {
            case PRECISION -> p;
            case RECALL -> r;
            case F1 -> p + r == 0 ? 0 : 2 * p * r / (p + r);
        };
    }

    private static boolean contains(int[] labels, int c) {
        for (int label : labels) {
            if (label == c) {
                return true;
            }
        }
        return false;
    }

    /** scikit-learn's r2_score of [n, d] row-major arrays, averaged uniformly over the d outputs. */
    static double r2(float[] predicted, float[] truth, int d) {
        int n = truth.length / d;
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += truth[i * d + j];
            }
            mean /= n;
            double residual = 0;
            double spread = 0;
            for (int i = 0; i < n; i++) {
                double y = truth[i * d + j];
                residual += (y - predicted[i * d + j]) * (y - predicted[i * d + j]);
                spread += (y - mean) * (y - mean);
            }
            sum += spread == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / spread;
        }
        return sum / d;
    }
}
