package org.jgrad.backend.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrad.Shape;
import org.junit.jupiter.api.Test;

/**
 * Merged dimensions, walked launch by launch the way the kernels walk each launch, address exactly
 * the elements the unmerged shape and strides address, in the same order, at any rank.
 */
class StridedDimsTest {

    /** The offset of an operand at linear index i of shape, without any merging. */
    private static long hostOffset(int[] shape, int[] strides, int offset, long i) {
        long off = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            off += (i % shape[d]) * strides[d];
            i /= shape[d];
        }
        return off;
    }

    /** Every operand's offsets, element by element, as the launches of forEachLaunch address them. */
    private static List<List<Long>> launched(StridedDims dims, int operands, int[] offsets, List<Integer> ranks) {
        List<List<Long>> seen = new ArrayList<>();
        for (int o = 0; o < operands; o++) {
            seen.add(new ArrayList<>());
        }
        dims.forEachLaunch(offsets, (count, rank, shape, strides, at) -> {
            ranks.add(rank);
            for (long i = 0; i < count; i++) {
                for (int o = 0; o < operands; o++) {
                    long off = at[o];
                    long rest = i;
                    for (int d = rank - 1; d >= 0; d--) {
                        off += (rest % shape[d]) * strides[o][d];
                        rest /= shape[d];
                    }
                    seen.get(o).add(off);
                }
            }
        });
        return seen;
    }

    private static void checkSame(int[] shape, int[][] strides, int[] offsets) {
        List<Integer> ranks = new ArrayList<>();
        List<List<Long>> seen = launched(StridedDims.of(shape, strides), strides.length, offsets, ranks);
        for (int o = 0; o < strides.length; o++) {
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < Shape.numel(shape); i++) {
                expected.add(hostOffset(shape, strides[o], offsets[o], i));
            }
            assertEquals(expected, seen.get(o), "operand " + o);
        }
        ranks.forEach(rank -> assertTrue(rank <= StridedDims.KERNEL_RANK, "rank " + rank));
    }

    @Test
    void contiguousNeighboursMergeAndOnesDrop() {
        StridedDims dims = StridedDims.of(new int[] {2, 1, 3, 4}, Shape.strides(2, 1, 3, 4), new int[] {0, 0, 4, 1});
        // [2, 3, 4] read contiguously and as a broadcast over the first dim: (2) and (12) remain
        assertEquals(2, dims.rank());
        assertEquals(2, dims.size(0));
        assertEquals(12, dims.size(1));
        assertEquals(0, dims.stride(1, 0));
    }

    @Test
    void broadcastTransposeAndOffsetsAddressTheSameElements() {
        checkSame(new int[] {3, 1, 4, 5}, new int[][] {{20, 20, 5, 1}, {0, 0, 1, 0}, {1, 1, 15, 3}}, new int[] {0, 0, 7});
        checkSame(new int[] {2, 3, 4}, new int[][] {{1, 2, 6}, {12, 4, 1}}, new int[] {5, 0});
        checkSame(new int[] {}, new int[][] {{}, {}}, new int[] {3, 1});
    }

    @Test
    void moreThanEightUnmergeableDimensionsAreWalkedOnTheHost() {
        int[] shape = {2, 2, 2, 2, 2, 2, 2, 2, 2, 3};
        int[] reversed = new int[shape.length];
        int step = 1;
        for (int d = 0; d < shape.length; d++) {
            reversed[d] = step;
            step *= shape[d];
        }
        List<Integer> ranks = new ArrayList<>();
        launched(StridedDims.of(shape, reversed, Shape.strides(shape)), 2, new int[2], ranks);
        assertEquals(List.of(8, 8, 8, 8), ranks, "two leading dimensions walked on the host: 4 launches of rank 8");
        checkSame(shape, new int[][] {reversed, Shape.strides(shape)}, new int[] {1, 2});
    }

    @Test
    void randomViewsAddressTheSameElements() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int rank = random.nextInt(1, 12);
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = random.nextInt(1, 4);
            }
            int[][] strides = new int[3][rank];
            for (int[] s : strides) {
                int stride = 1;
                for (int d = rank - 1; d >= 0; d--) {
                    s[d] = random.nextInt(4) == 0 ? 0 : stride;
                    stride *= shape[d] + random.nextInt(2);
                }
            }
            checkSame(shape, strides, new int[] {random.nextInt(5), random.nextInt(5), random.nextInt(5)});
        }
    }
}
