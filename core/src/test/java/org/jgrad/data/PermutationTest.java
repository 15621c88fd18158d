package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermutationTest {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 2, 7, 129, 1000})
    void isAPermutationAndReproducible(int n) {
        int[] order = Permutation.shuffled(n, 99, 3);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, n).toArray(), sorted);
        assertArrayEquals(order, Permutation.shuffled(n, 99, 3), "same seed and stream, same order");
    }

    @Test
    void seedsAndStreamsGiveDifferentOrders() {
        int[] base = Permutation.shuffled(50, 1, 0);
        assertFalse(Arrays.equals(base, Permutation.shuffled(50, 2, 0)), "another seed");
        assertFalse(Arrays.equals(base, Permutation.shuffled(50, 1, 1)), "another stream");
        assertFalse(Arrays.equals(base, Permutation.shuffled(50, 1, Permutation.SPLIT_STREAM)), "the split stream");
        assertThrows(IllegalArgumentException.class, () -> Permutation.shuffled(5, 1, -1));
    }

    /**
     * Every one of the 24 orders of 4 items is equally likely: over 24,000 shuffles each expected
     * 1,000 times (standard deviation about 31), so [850, 1150] is a five-sigma band. A biased
     * shuffle (such as Sattolo's, which yields only the 6 cyclic orders) falls far outside it.
     */
    @Test
    void allOrdersAreEquallyLikely() {
        Map<String, Integer> counts = new HashMap<>();
        for (int stream = 0; stream < 24_000; stream++) {
            counts.merge(Arrays.toString(Permutation.shuffled(4, 5, stream)), 1, Integer::sum);
        }
        assertEquals(24, counts.size(), "all 24 orders occur");
        counts.forEach((order, count) -> assertTrue(count >= 850 && count <= 1150, order + " occurred " + count + " times"));
    }
}
