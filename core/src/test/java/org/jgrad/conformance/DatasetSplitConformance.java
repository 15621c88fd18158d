package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.Dataset;
import org.jgrad.data.Datasets;
import org.jgrad.data.Example;
import org.jgrad.data.Split;
import org.jgrad.data.Subset;
import org.jgrad.data.TensorDataset;
import org.junit.jupiter.api.Test;

/** Random splits: sizes, disjoint parts that cover the dataset, reproducibility, and subsets' contents. */
public class DatasetSplitConformance extends DataSupport {

    private static int[] indicesOf(Dataset part) {
        return ((Subset) part).indices();
    }

    /** Fails unless the parts' indices are disjoint and together are 0..n-1; returns them concatenated. */
    private static int[] assertPartition(List<Dataset> parts, int n) {
        int[] all = parts.stream().flatMapToInt(p -> IntStream.of(indicesOf(p))).toArray();
        int[] sorted = all.clone();
        Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, n).toArray(), sorted, "the parts are disjoint and cover every example");
        return all;
    }

    @Test
    void splitsBySizesIntoDisjointReproducibleParts() {
        TensorDataset data = numbered(23, Backing.HOST);
        List<Dataset> parts = Datasets.randomSplit(data, new int[] {10, 8, 5}, 7);
        assertArrayEquals(new int[] {10, 8, 5}, parts.stream().mapToInt(Dataset::size).toArray());
        int[] order = assertPartition(parts, 23);
        assertArrayEquals(order, assertPartition(Datasets.randomSplit(data, new int[] {10, 8, 5}, 7), 23), "same seed");
        assertFalse(Arrays.equals(order, assertPartition(Datasets.randomSplit(data, new int[] {10, 8, 5}, 8), 23)),
                "another seed, another split");
        assertFalse(Arrays.equals(IntStream.range(0, 23).toArray(), order), "shuffled before splitting");
        assertFalse(Arrays.equals(new DataLoader(data, 23).shuffle(7).order(0), order),
                "a split and a loader with the same seed use different streams");
    }

    @Test
    void splitsByFractionsWithTheLeftoversGoingToTheFirstParts() {
        TensorDataset data = numbered(23, Backing.HOST);
        List<Dataset> parts = Datasets.randomSplit(data, new double[] {0.7, 0.2, 0.1}, 1);
        // floor(16.1), floor(4.6), floor(2.3) = 16, 4, 2: one left over, to the first part
        assertArrayEquals(new int[] {17, 4, 2}, parts.stream().mapToInt(Dataset::size).toArray());
        assertPartition(parts, 23);
        Split split = Datasets.trainValidationSplit(numbered(1797, Backing.HOST), 0.2, 3);
        // floor(1437.6) + floor(359.4) = 1796: the leftover goes to train
        assertEquals(1438, split.train().size());
        assertEquals(359, split.validation().size());
        assertPartition(List.of(split.train(), split.validation()), 1797);
    }

    @Test
    void aSubsetHandsOutItsSourcesExamples() {
        TensorDataset data = numbered(12, Backing.TENSOR);
        Subset subset = new Subset(data, new int[] {11, 3, 5, 0});
        assertEquals(4, subset.size());
        try (Batch batch = subset.batch(new int[] {2, 0, 0})) {
            assertArrayEquals(new int[] {5, 11, 11}, exampleNumbers(batch));
        }
        try (Example example = subset.get(1)) {
            assertArrayEquals(new float[] {3, -3, 3.25f}, example.input().toFloatArray());
        }
        assertRejected(IndexOutOfBoundsException.class, () -> subset.get(4), "index 4", "4 examples");
        assertRejected(IndexOutOfBoundsException.class, () -> new Subset(data, new int[] {12}), "index 12", "12 examples");
    }

    @Test
    void rejectsSplitsThatDoNotFit() {
        TensorDataset data = numbered(10, Backing.HOST);
        assertRejected(IllegalArgumentException.class, () -> Datasets.randomSplit(data, new int[] {5, 4}, 0),
                "add up to 9", "10 examples");
        assertRejected(IllegalArgumentException.class, () -> Datasets.randomSplit(data, new int[] {11, -1}, 0), ">= 0");
        assertRejected(IllegalArgumentException.class, () -> Datasets.randomSplit(data, new double[] {0.5, 0.4}, 0),
                "add up to 0.9", "expected 1");
        assertRejected(IllegalArgumentException.class, () -> Datasets.trainValidationSplit(data, 1.0, 0), "(0, 1)");
    }
}
