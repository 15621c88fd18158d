package org.jgrad.bench.mlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.Mnist;
import org.jgrad.data.MnistPart;
import org.jgrad.data.TensorDataset;

/**
 * One MNIST part as host arrays (pixels in [0, 1], 784 per image, row-major; labels 0..9), so
 * that jgrad and its peers train on the same numbers in the same order.
 */
public record MnistArrays(float[] pixels, int[] labels) {
    /** Pixels per image, the MLP's input width. */
    public static final int FEATURES = 784;
    public static final int CLASSES = 10;

    /** Reads {@code part} from the IDX files in {@code dir} with jgrad's MNIST reader. */
    public static MnistArrays load(Path dir, MnistPart part) throws IOException {
        TensorDataset set = Mnist.load(dir, part);
        try (Batch all = new DataLoader(set, set.size()).iterator().next()) {
            return new MnistArrays(all.inputs().toFloatArray(), all.targets().toIntArray());
        }
    }

    public int size() {
        return labels.length;
    }

    /** The first {@code n} examples (all of them when there are no more than n). */
    public MnistArrays head(int n) {
        return n >= size() ? this : new MnistArrays(Arrays.copyOf(pixels, n * FEATURES), Arrays.copyOf(labels, n));
    }

    /** The data as a jgrad dataset of [784] rows (the arrays are shared, not copied). */
    public TensorDataset dataset() {
        return TensorDataset.ofLabels(pixels, new int[] {FEATURES}, labels);
    }

    /**
     * The example order of {@code epoch} for every framework: jgrad's seeded
     * {@link DataLoader} shuffle, whole batches only.
     */
    public DataLoader loader(int batchSize, long seed) {
        return new DataLoader(dataset(), batchSize).shuffle(seed).dropLast(true);
    }

    /** Copies the examples {@code order[start .. start + count)} into {@code x} (count x 784) and {@code y}. */
    public void gather(int[] order, int start, int count, float[] x, int[] y) {
        for (int i = 0; i < count; i++) {
            int example = order[start + i];
            System.arraycopy(pixels, example * FEATURES, x, i * FEATURES, FEATURES);
            y[i] = labels[example];
        }
    }

    /** Number of rows of {@code scores} (n x 10, row-major) whose largest entry is the label. */
    public static int correct(float[] scores, int[] labels, int n) {
        int hits = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (scores[i * CLASSES + c] > scores[i * CLASSES + best]) {
                    best = c;
                }
            }
            hits += best == labels[i] ? 1 : 0;
        }
        return hits;
    }
}
