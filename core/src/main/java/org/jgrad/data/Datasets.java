package org.jgrad.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Random splits of a dataset into disjoint subsets, as PyTorch's {@code random_split}. */
public final class Datasets {
    private static final double FRACTION_TOLERANCE = 1e-9;

    private Datasets() {
    }

    /**
     * Splits {@code dataset} into disjoint {@link Subset}s of the given sizes, which must add up to
     * its size. The examples are shuffled by {@code seed} first: the same seed gives the same split.
     */
    public static List<Dataset> randomSplit(Dataset dataset, int[] sizes, long seed) {
        long total = 0;
        for (int size : sizes) {
            if (size < 0) {
                throw new IllegalArgumentException("randomSplit: sizes must be >= 0, got " + Arrays.toString(sizes));
            }
            total += size;
        }
        if (total != dataset.size()) {
            throw new IllegalArgumentException("randomSplit: sizes " + Arrays.toString(sizes) + " add up to " + total
                    + ", but the dataset has " + dataset.size() + " examples");
        }
        int[] order = Permutation.shuffled(dataset.size(), seed, Permutation.SPLIT_STREAM);
        List<Dataset> parts = new ArrayList<>(sizes.length);
        int start = 0;
        for (int size : sizes) {
            parts.add(new Subset(dataset, Arrays.copyOfRange(order, start, start + size)));
            start += size;
        }
        return parts;
    }

    /**
     * Splits by fractions that add up to 1: part i gets floor(fraction_i * n) examples, and the
     * examples left over go one each to the first parts, in order (PyTorch's rule).
     */
    public static List<Dataset> randomSplit(Dataset dataset, double[] fractions, long seed) {
        double sum = 0;
        for (double fraction : fractions) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("randomSplit: fractions must lie in [0, 1], got "
                        + Arrays.toString(fractions));
            }
            sum += fraction;
        }
        if (Math.abs(sum - 1) > FRACTION_TOLERANCE) {
            throw new IllegalArgumentException("randomSplit: fractions " + Arrays.toString(fractions) + " add up to " + sum
                    + ", expected 1");
        }
        int n = dataset.size();
        int[] sizes = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) Math.floor(fractions[i] * n);
            assigned += sizes[i];
        }
        for (int i = 0; assigned < n; i = (i + 1) % sizes.length, assigned++) {
            sizes[i]++;
        }
        return randomSplit(dataset, sizes, seed);
    }

    /**
     * Holds out {@code validationFraction} of the examples, chosen at random by {@code seed}, for
     * validation: {@code randomSplit(dataset, {1 - f, f}, seed)}.
     */
    public static Split trainValidationSplit(Dataset dataset, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("trainValidationSplit: validationFraction must lie in (0, 1), got "
                    + validationFraction);
        }
        List<Dataset> parts = randomSplit(dataset, new double[] {1 - validationFraction, validationFraction}, seed);
        return new Split(parts.get(0), parts.get(1));
    }
}
