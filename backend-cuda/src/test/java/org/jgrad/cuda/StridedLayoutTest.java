package org.jgrad.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jgrad.backend.device.StridedDims;
import org.junit.jupiter.api.Test;

/**
 * The packed layouts of a strided op's launches, read back the way jgrad.cuh's layout_offset reads
 * them, address exactly the elements the unmerged shape and strides address, in the same order.
 */
class StridedLayoutTest {

    /** jgrad.cuh's layout_offset, on the host. */
    private static long deviceOffset(IntBufferView l, int which, long i) {
        int rank = l.at(0);
        long off = l.at(1 + 8 + 3 * 8 + which);
        for (int d = rank - 1; d >= 0; d--) {
            int size = l.at(1 + d);
            off += (i % size) * l.at(1 + 8 + which * 8 + d);
            i /= size;
        }
        return off;
    }

    private interface IntBufferView {
        int at(int index);
    }

    private static IntBufferView reader(byte[] packed) {
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
        List<byte[]> layouts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        StridedDims.of(shape, strides).forEachLaunch(offsets, (count, rank, dims, steps, at) -> {
            layouts.add(StridedLayout.pack(rank, dims, steps, at, 0));
            counts.add(count);
        });
        long i = 0;
        for (int launch = 0; launch < layouts.size(); launch++) {
            assertEquals(148, layouts.get(launch).length, "sizeof(struct Layout)");
            IntBufferView l = reader(layouts.get(launch));
            for (long j = 0; j < counts.get(launch); j++, i++) {
                for (int o = 0; o < strides.length; o++) {
                    assertEquals(hostOffset(shape, strides[o], offsets[o], i), deviceOffset(l, o, j),
                            "operand " + o + " at " + i);
                }
            }
        }
    }

    @Test
    void contiguousOperandsMergeToOneDimension() {
        int[] dense = {60, 20, 5, 1};
        List<byte[]> layouts = new ArrayList<>();
        StridedDims.of(new int[] {2, 3, 4, 5}, dense, dense).forEachLaunch(new int[2],
                (count, rank, dims, steps, at) -> layouts.add(StridedLayout.pack(rank, dims, steps, at, 0)));
        assertEquals(1, layouts.size());
        assertEquals(1, reader(layouts.get(0)).at(0));
        assertEquals(120, reader(layouts.get(0)).at(1));
    }

    @Test
    void broadcastTransposeAndOffsetsAddressTheSameElements() {
        checkSame(new int[] {3, 1, 4, 5}, new int[][] {{20, 20, 5, 1}, {0, 0, 1, 0}, {1, 1, 15, 3}}, new int[] {0, 0, 7});
        checkSame(new int[] {2, 3, 4}, new int[][] {{1, 2, 6}, {12, 4, 1}}, new int[] {5, 0});
    }

    /** Ten dimensions read transposed: none merge, so two launches walk the leading ones. */
    @Test
    void moreThanEightDimensionsAddressTheSameElementsAcrossLaunches() {
        int[] shape = {2, 2, 2, 2, 2, 2, 2, 2, 2, 3};
        int[] transposed = new int[shape.length];
        int step = 1;
        for (int d = 0; d < shape.length; d++) {
            transposed[d] = step;
            step *= shape[d];
        }
        checkSame(shape, new int[][] {transposed, {0, 0, 0, 0, 0, 0, 0, 0, 0, 1}}, new int[] {3, 1});
    }

    @Test
    void theOutputOffsetIsTheLastField() {
        byte[] packed = StridedLayout.pack(1, new int[] {4, 1, 1, 1, 1, 1, 1, 1}, new int[][] {{1, 0, 0, 0, 0, 0, 0, 0}},
                new int[] {0}, 24);
        assertEquals(24, reader(packed).at(36));
    }
}
