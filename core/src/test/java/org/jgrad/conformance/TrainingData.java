package org.jgrad.conformance;

import java.util.SplittableRandom;

/**
 * Small synthetic training sets for {@link TrainingConformance}, built on the host from a seed.
 * Values are float32 (what the model sees); references derived from them are float64.
 */
final class TrainingData {
    private TrainingData() {
    }

    /** The four XOR points, (4, 2), and their labels 0 1 1 0. */
    static final float[] XOR_INPUTS = {0, 0, 0, 1, 1, 0, 1, 1};
    static final int[] XOR_LABELS = {0, 1, 1, 0};


    /** y = x · weights + bias + noise: x (rows, features) uniform in [-1, 1), noise uniform in [-noise, noise). */
    record Regression(float[] x, float[] y, int rows, double[] weights, double bias) {
        int features() {
            return weights.length;
        }

        /**
         * The float64 least-squares fit of y on x (the float32 values) with an intercept: the
         * weights, then the bias. What a converged optimizer must reach, noise included.
         */
        double[] leastSquares() {
            int n = features() + 1;
            double[][] normal = new double[n][n + 1];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < n; i++) {
                    double xi = i < features() ? x[r * features() + i] : 1;
                    for (int j = 0; j < n; j++) {
                        normal[i][j] += xi * (j < features() ? x[r * features() + j] : 1);
                    }
                    normal[i][n] += xi * y[r];
                }
            }
            return solve(normal);
        }
    }

    static Regression regression(int rows, double[] weights, double bias, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int features = weights.length;
        float[] x = new float[rows * features];
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            double target = bias + noise * (2 * random.nextDouble() - 1);
            for (int j = 0; j < features; j++) {
                x[r * features + j] = (float) (2 * random.nextDouble() - 1);
                target += x[r * features + j] * weights[j];
            }
            y[r] = (float) target;
        }
        return new Regression(x, y, rows, weights.clone(), bias);
    }

    /** Single-channel square images (count, 1, side, side) with a class label each. */
    record Images(float[] pixels, int[] labels, int count, int side) {
        int[] shape() {
            return new int[] {count, 1, side, side};
        }
    }

    static final int BAR_CLASSES = 3;

    /**
     * One bright line per image on a noisy background: class 0 a horizontal bar, 1 a vertical
     * bar, 2 a diagonal (main direction), each at a random offset; classes take turns (i % 3).
     */
    static Images bars(int count, int side, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * side * side];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = i % BAR_CLASSES;
            int offset = random.nextInt(side);
            int diagonalShift = random.nextInt(5) - 2;
            labels[i] = label;
            for (int row = 0; row < side; row++) {
                for (int col = 0; col < side; col++) {
                    boolean on = switch (label) {
                        case 0 -> row == offset;
                        case 1 -> col == offset;
                        default -> col - row == diagonalShift;
                    };
                    double value = (on ? 1 : 0) + noise * (2 * random.nextDouble() - 1);
                    pixels[(i * side + row) * side + col] = (float) value;
                }
            }
        }
        return new Images(pixels, labels, count, side);
    }

    /** Solves the augmented system [A | b] by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] augmented) {
        int n = augmented.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(augmented[r][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = augmented[r][col] / augmented[col][col];
                for (int c = col; c <= n; c++) {
                    augmented[r][c] -= factor * augmented[col][c];
                }
            }
        }
        double[] solution = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = augmented[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= augmented[r][c] * solution[c];
            }
            solution[r] = sum / augmented[r][r];
        }
        return solution;
    }
}
