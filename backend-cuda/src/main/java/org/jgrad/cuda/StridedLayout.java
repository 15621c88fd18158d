package org.jgrad.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrad.backend.device.StridedDims;

/**
 * One launch of a strided elementwise kernel as jgrad.cuh's {@code struct Layout}: rank,
 * shape[8], stride[3][8], offset[3], out_offset (37 little-endian ints). The dimensions come
 * merged from {@link StridedDims#forEachLaunch}, which also walks any beyond 8 on the host.
 */
final class StridedLayout {
    static final int OPERANDS = 3;
    static final int BYTES = 4 * (1 + StridedDims.KERNEL_RANK + OPERANDS * StridedDims.KERNEL_RANK + OPERANDS + 1);

    private StridedLayout() {
    }

    /**
     * Packs one launch: {@code shape} and each strided operand's {@code strides} padded to 8 (at most
     * three operands), their {@code offsets}, and the offset of a contiguous output.
     */
    static byte[] pack(int rank, int[] shape, int[][] strides, int[] offsets, int outOffset) {
        int dims = StridedDims.KERNEL_RANK;
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(rank);
        for (int d = 0; d < dims; d++) {
            bytes.putInt(shape[d]);
        }
        for (int o = 0; o < OPERANDS; o++) {
            for (int d = 0; d < dims; d++) {
                bytes.putInt(o < strides.length ? strides[o][d] : 0);
            }
        }
        for (int o = 0; o < OPERANDS; o++) {
            bytes.putInt(o < strides.length ? offsets[o] : 0);
        }
        bytes.putInt(outOffset);
        return bytes.array();
    }
}
