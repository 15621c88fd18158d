package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.TensorDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DataLoader semantics on both dataset backings: each epoch hands out every example exactly
 * once in whole batches of the right sizes, shuffled reproducibly by seed and epoch.
 */
public class DataLoaderConformance extends DataSupport {
    private static final int N = 23;

    /** The example numbers of one epoch's batches, in order, one array per batch. */
    private static List<int[]> run(Iterable<Batch> epoch) {
        List<int[]> batches = new ArrayList<>();
        for (Batch batch : epoch) {
            try (batch) {
                batches.add(exampleNumbers(batch));
            }
        }
        return batches;
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(IntStream::of).toArray();
    }

    private static int[] sizes(List<int[]> batches) {
        return batches.stream().mapToInt(b -> b.length).toArray();
    }

    @ParameterizedTest(name = "{0} backing, batch size {1}, shuffle {2}")
    @CsvSource({"HOST, 1, false", "HOST, 4, true", "HOST, 7, false", "HOST, 23, true", "HOST, 30, false",
                "TENSOR, 1, true", "TENSOR, 4, false", "TENSOR, 7, true", "TENSOR, 23, false", "TENSOR, 30, true"})
    void everyExampleExactlyOncePerEpochInBatchesOfTheRightSize(Backing backing, int batchSize, boolean shuffle) {
        DataLoader loader = new DataLoader(numbered(N, backing), batchSize);
        if (shuffle) {
            loader.shuffle(11);
        }
        int full = N / batchSize;
        int rest = N % batchSize;
        int[] expectedSizes = IntStream.range(0, full + (rest > 0 ? 1 : 0)).map(b -> b < full ? batchSize : rest).toArray();
        assertEquals(expectedSizes.length, loader.numBatches(), "numBatches");
        for (int epoch = 0; epoch < 3; epoch++) {
            List<int[]> batches = run(loader);
            assertArrayEquals(expectedSizes, sizes(batches), "batch sizes of epoch " + epoch);
            int[] seen = flat(batches);
            assertArrayEquals(loader.order(epoch), seen, "epoch " + epoch + " follows order(" + epoch + ")");
            int[] sorted = seen.clone();
            Arrays.sort(sorted);
            assertArrayEquals(IntStream.range(0, N).toArray(), sorted, "each example once in epoch " + epoch);
        }
    }

    @ParameterizedTest(name = "{0} backing")
    @CsvSource({"HOST", "TENSOR"})
    void dropLastDropsOnlyTheShortLastBatch(Backing backing) {
        DataLoader loader = new DataLoader(numbered(N, backing), 5).shuffle(3).dropLast(true);
        assertEquals(4, loader.numBatches());
        List<int[]> batches = run(loader.epoch(2));
        assertArrayEquals(new int[] {5, 5, 5, 5}, sizes(batches));
        assertArrayEquals(Arrays.copyOf(loader.order(2), 20), flat(batches), "the first 20 of the epoch's order");
        DataLoader oversized = new DataLoader(numbered(N, backing), 24).dropLast(true);
        assertEquals(0, oversized.numBatches());
        assertFalse(oversized.iterator().hasNext(), "no full batch of 24 in 23 examples");
        assertEquals(4, new DataLoader(numbered(20, backing), 5).dropLast(true).numBatches(), "nothing to drop");
    }

    @Test
    void batchSizeOneIsStochasticAndTheWholeSetIsOneBatch() {
        TensorDataset data = numbered(N, Backing.TENSOR);
        List<int[]> sgd = run(new DataLoader(data, 1).shuffle(5));
        assertEquals(N, sgd.size(), "one batch per example");
        assertTrue(sgd.stream().allMatch(b -> b.length == 1), "stochastic gradient descent: batches of 1");
        List<int[]> full = run(new DataLoader(data, N));
        assertEquals(1, full.size(), "batch gradient descent: one batch");
        assertArrayEquals(IntStream.range(0, N).toArray(), full.get(0), "unshuffled: dataset order");
    }

    @Test
    void shufflingIsReproducibleFromTheSeedAndDiffersAcrossEpochsAndSeeds() {
        TensorDataset data = numbered(N, Backing.HOST);
        DataLoader first = new DataLoader(data, 4).shuffle(42);
        DataLoader second = new DataLoader(data, 4).shuffle(42);
        List<int[]> epochs = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] a = flat(run(first));
            assertArrayEquals(a, flat(run(second)), "same seed, epoch " + epoch);
            epochs.add(a);
        }
        assertFalse(Arrays.equals(epochs.get(0), epochs.get(1)), "epochs 0 and 1 differ");
        assertFalse(Arrays.equals(epochs.get(1), epochs.get(2)), "epochs 1 and 2 differ");
        assertFalse(Arrays.equals(epochs.get(0), flat(run(new DataLoader(data, 4).shuffle(43)))), "seeds 42 and 43 differ");
        assertFalse(Arrays.equals(IntStream.range(0, N).toArray(), epochs.get(0)), "shuffled");
        assertArrayEquals(IntStream.range(0, N).toArray(), flat(run(new DataLoader(data, 4))), "no shuffle: dataset order");
        DataLoader resumed = new DataLoader(data, 4).shuffle(42);
        resumed.setEpoch(2);
        assertArrayEquals(epochs.get(2), flat(run(resumed)), "setEpoch(2) replays epoch 2");
        assertEquals(3, resumed.nextEpoch());
    }

    @Test
    void rejectsBadArguments() {
        TensorDataset data = numbered(N, Backing.HOST);
        assertRejected(IllegalArgumentException.class, () -> new DataLoader(data, 0), "batchSize", "0");
        assertRejected(IllegalArgumentException.class, () -> new DataLoader(data, 2).setEpoch(-1), "epoch", "-1");
        assertRejected(IllegalArgumentException.class, () -> data.batch(new int[0]), "at least one index");
        assertRejected(IndexOutOfBoundsException.class, () -> data.batch(new int[] {0, 23}), "index 23", "23 examples");
    }
}
