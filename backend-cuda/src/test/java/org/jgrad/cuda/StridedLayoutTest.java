package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed layout, read back the way jgrad.cuh's layout_offset reads it, addresses exactly the
 * elements the unmerged shape and strides address, in the same order.
 */
class StridedLayoutTest {

    /** jgrad.cuh's layout_offset, on the host. */
    private static long deviceOffset(IntReader l, int which, long i) {
        int rank = l.at(0);
        long off = l.at(1 + 8 + 3 * 8 + which);
        for (int d = rank - 1; d >= 0; d--) {
            int size = l.at(1 + d);
            off += (i % size) * l.at(1 + 8 + which * 8 + d);
            i /= size;
        }
        return off;
    }

    private interface IntReader {
        int at(int index);
    }

    private static IntReader reader(byte[] packed) {
        ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        return index -> b.getInt(4 * index);
    }

    /** The offset of operand strides/offset at linear index i of shape, without any merging. */
    private static long hostOffset(int[] shape, int[] strides, int offset, long i) {
        long off = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            off += (i % shape[d]) * strides[d];
            i /= shape[d];
        }
        return off;
    }

    private static void checkSame(int[] shape, int[][] strides, int[] offsets) {
        byte[] packed = StridedLayout.pack("test", shape, strides, offsets);
        assertEquals(144, packed.length, "sizeof(struct Layout)");
        IntReader l = reader(packed);
        long n = 1;
        for (int dim : shape) {
            n *= dim;
        }
        for (long i = 0; i < n; i++) {
            for (int o = 0; o < strides.length; o++) {
                assertEquals(hostOffset(shape, strides[o], offsets[o], i), deviceOffset(l, o, i), "operand " + o + " at " + i);
            }
        }
    }

    @Test
    void contiguousOperandsMergeToOneDimension() {
        int[] shape = {2, 3, 4, 5};
        int[] dense = {60, 20, 5, 1};
        byte[] packed = StridedLayout.pack("test", shape, new int[][] {dense, dense}, new int[] {0, 0});
        assertEquals(1, reader(packed).at(0));
        assertEquals(120, reader(packed).at(1));
        checkSame(shape, new int[][] {dense, dense}, new int[] {0, 0});
    }

    @Test
    void broadcastTransposeAndOffsetsAddressTheSameElements() {
        checkSame(new int[] {3, 1, 4, 5}, new int[][] {{20, 20, 5, 1}, {0, 0, 1, 0}, {1, 1, 15, 3}}, new int[] {0, 0, 7});
        checkSame(new int[] {2, 3, 4}, new int[][] {{1, 2, 6}, {12, 4, 1}}, new int[] {5, 0});
        checkSame(new int[] {}, new int[][] {{}, {}}, new int[] {3, 1});
    }

    @Test
    void randomViewsAddressTheSameElements() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int rank = random.nextInt(1, 7);
            int[] shape = new int[rank];
            for (int d = 0; d < rank; d++) {
                shape[d] = random.nextInt(1, 4);
            }
            int[][] strides = new int[3][rank];
            for (int[] s : strides) {
                int step = 1;
                for (int d = rank - 1; d >= 0; d--) {
                    s[d] = random.nextInt(4) == 0 ? 0 : step;
                    step *= shape[d] + random.nextInt(2);
                }
            }
            checkSame(shape, strides, new int[] {random.nextInt(5), random.nextInt(5), random.nextInt(5)});
        }
    }

    @Test
    void moreThanEightUnmergeableDimensionsAreRejected() {
        int[] shape = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        int[] strides = {1, 2, 4, 8, 16, 32, 64, 128, 256};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StridedLayout.pack("copy", shape, new int[][] {strides, strides}, new int[] {0, 0}));
        assertTrue(e.getMessage().startsWith("copy: shape [2, 2, 2, 2, 2, 2, 2, 2, 2]"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 9 dimensions"), e.getMessage());
    }
}
