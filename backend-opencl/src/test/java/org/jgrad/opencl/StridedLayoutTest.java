package org.jgrad.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;

/** Dimension merging, and shapes beyond the kernels' rank 8 walked on the host. */
class StridedLayoutTest {

    @Test
    void contiguousNeighboursMergeAndOnesDrop() {
        List<Integer> counts = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        StridedLayout.of(new int[] {2, 1, 3, 4}, Shape.strides(2, 1, 3, 4), new int[] {0, 0, 4, 1})
                .forEachChunk(new int[2], (count, rank, shape, strides, offsets) -> {
                    counts.add(count);
                    ranks.add(rank);
                });
        // [2, 3, 4] read contiguously and as a broadcast over the first dim: (2) and (12) remain
        assertEquals(List.of(24), counts);
        assertEquals(List.of(2), ranks);
    }

    @Test
    void aRankTenPermutationCopiesCorrectly() {
        OpenClBackend backend = SharedOpenCl.opencl();
        int[] shape = {2, 3, 2, 2, 3, 2, 2, 2, 3, 2};
        int n = 1;
        for (int dim : shape) {
            n *= dim;
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i * 0.5f - 7;
        }
        // read the source transposed (reversed dims), so no two neighbours merge
        int[] srcShape = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            srcShape[d] = shape[shape.length - 1 - d];
        }
        int[] srcContiguous = Shape.strides(srcShape);
        int[] srcStrides = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            srcStrides[d] = srcContiguous[shape.length - 1 - d];
        }
        Buffer src = backend.allocate(DType.FLOAT32, n);
        backend.upload(values, src);
        Buffer dst = backend.allocate(DType.FLOAT32, n);
        backend.copy(shape, src, 0, srcStrides, dst, 0, Shape.strides(shape));
        float[] expected = new float[n];
        int[] dstStrides = Shape.strides(shape);
        for (int i = 0; i < n; i++) {
            int at = 0;
            for (int d = 0; d < shape.length; d++) {
                at += i / dstStrides[d] % shape[d] * srcStrides[d];
            }
            expected[i] = values[at];
        }
        assertArrayEquals(expected, backend.downloadFloat(dst));
        backend.free(src);
        backend.free(dst);
    }
}
