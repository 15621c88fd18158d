package org.jgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Strided copy as the tensor core uses it: permute, slice, cat into a region of a larger
 * destination, expand through zero strides; FLOAT32 and INT32; 0-d and empty shapes. The
 * destination starts out random, so the tests also see that nothing outside the region changes.
 */
public class CopyConformance extends ConformanceSupport {

    /** Copies through the backend and compares with dst[dstOffset + idx·dstStrides] = src[srcOffset + idx·srcStrides]. */
    private void checkFloat(String what, int[] shape, int srcLength, int srcOffset, int[] srcStrides, int dstLength,
                            int dstOffset, int[] dstStrides) {
        float[] src = randomFloats(srcLength, srcLength);
        float[] dst = randomFloats(dstLength, dstLength + 1);
        Buffer dstBuffer = upload(dst);
        backend().copy(shape, upload(src), srcOffset, srcStrides, dstBuffer, dstOffset, dstStrides);
        copyReference(shape, src, srcOffset, srcStrides, dst, dstOffset, dstStrides);
        assertArrayEquals(dst, backend().downloadFloat(dstBuffer), what);
    }

    private void checkInt(String what, int[] shape, int srcLength, int srcOffset, int[] srcStrides, int dstLength,
                          int dstOffset, int[] dstStrides) {
        SplittableRandom random = new SplittableRandom(srcLength);
        int[] src = random.ints(srcLength).toArray();
        int[] dst = random.ints(dstLength).toArray();
        Buffer dstBuffer = upload(dst);
        backend().copy(shape, upload(src), srcOffset, srcStrides, dstBuffer, dstOffset, dstStrides);
        copyReference(shape, src, srcOffset, srcStrides, dst, dstOffset, dstStrides);
        assertArrayEquals(dst, backend().downloadInt(dstBuffer), what);
    }

    /** The copy on the host, for float[] or int[] alike: element by element, in row-major index order. */
    private static void copyReference(int[] shape, Object src, int srcOffset, int[] srcStrides, Object dst, int dstOffset,
                                      int[] dstStrides) {
        int[] from = StridedOffsets.of(shape, srcOffset, srcStrides);
        int[] to = StridedOffsets.of(shape, dstOffset, dstStrides);
        for (int k = 0; k < from.length; k++) {
            System.arraycopy(src, from[k], dst, to[k], 1);
        }
    }

    /** Copies a dense array of srcShape permuted by perm into a dense destination. */
    private void checkPermute(int[] srcShape, int[] perm, boolean ints) {
        int[] srcDense = StridedOffsets.contiguous(srcShape);
        int[] shape = new int[perm.length];
        int[] srcStrides = new int[perm.length];
        for (int d = 0; d < perm.length; d++) {
            shape[d] = srcShape[perm[d]];
            srcStrides[d] = srcDense[perm[d]];
        }
        int n = HostArray.count(shape);
        String what = "permute " + Arrays.toString(perm) + " of " + Arrays.toString(srcShape);
        if (ints) {
            checkInt(what, shape, n, 0, srcStrides, n, 0, StridedOffsets.contiguous(shape));
        } else {
            checkFloat(what, shape, n, 0, srcStrides, n, 0, StridedOffsets.contiguous(shape));
        }
    }

    @Test
    void permute3d() {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] perm : perms) {
            checkPermute(new int[] {4, 5, 6}, perm, false);
            checkPermute(new int[] {3, 1, 17}, perm, false);
        }
    }

    @Test
    void permute4d() {
        checkPermute(new int[] {2, 3, 4, 5}, new int[] {0, 2, 3, 1}, false);
        checkPermute(new int[] {2, 3, 4, 5}, new int[] {3, 1, 0, 2}, false);
        checkPermute(new int[] {2, 3, 4, 5}, new int[] {0, 2, 3, 1}, true);
    }

    @Test
    void largeTranspose() {
        checkPermute(new int[] {300, 257}, new int[] {1, 0}, false);
        checkPermute(new int[] {1000, 129}, new int[] {0, 1}, false);
    }

    @Test
    void sliceWithOffset() {
        // rows 2..5 and columns 3..8 of an (8, 10) matrix, then every other column of rows 1..6
        checkFloat("slice", new int[] {4, 6}, 80, 2 * 10 + 3, new int[] {10, 1}, 24, 0, new int[] {6, 1});
        checkFloat("strided slice", new int[] {6, 5}, 80, 10, new int[] {10, 2}, 30, 0, new int[] {5, 1});
        checkInt("int slice", new int[] {4, 6}, 80, 23, new int[] {10, 1}, 24, 0, new int[] {6, 1});
    }

    @Test
    void catWritesIntoARegionOfTheDestination() {
        // (3, 4) and (3, 5) side by side in a (3, 9) destination; then a (2, 9) block under it in a (5, 9) one
        checkFloat("cat left", new int[] {3, 4}, 12, 0, new int[] {4, 1}, 27, 0, new int[] {9, 1});
        checkFloat("cat right", new int[] {3, 5}, 15, 0, new int[] {5, 1}, 27, 4, new int[] {9, 1});
        checkFloat("cat below", new int[] {2, 9}, 18, 0, new int[] {9, 1}, 45, 27, new int[] {9, 1});
        checkInt("int cat right", new int[] {3, 5}, 15, 0, new int[] {5, 1}, 27, 4, new int[] {9, 1});
        checkFloat("cat of channels", new int[] {2, 3, 4, 5}, 120, 0, new int[] {60, 20, 5, 1}, 2 * 7 * 20, 40,
                new int[] {140, 20, 5, 1});
    }

    @Test
    void expandThroughZeroStrides() {
        checkFloat("row to matrix", new int[] {4, 37}, 37, 0, new int[] {0, 1}, 148, 0, new int[] {37, 1});
        checkFloat("column to matrix", new int[] {37, 4}, 37, 0, new int[] {1, 0}, 148, 0, new int[] {4, 1});
        checkFloat("scalar to matrix", new int[] {3, 40}, 5, 2, new int[] {0, 0}, 120, 0, new int[] {40, 1});
        checkFloat("channel to NCHW", new int[] {2, 3, 4, 5}, 3, 0, new int[] {0, 1, 0, 0}, 120, 0,
                new int[] {60, 20, 5, 1});
        checkInt("int row to matrix", new int[] {4, 37}, 37, 0, new int[] {0, 1}, 148, 0, new int[] {37, 1});
        checkFloat("large expand", new int[] {1000, 129}, 129, 0, new int[] {0, 1}, 129_000, 0, new int[] {129, 1});
    }

    @Test
    void zeroDimensionalAndEmptyShapes() {
        checkFloat("0-d", new int[0], 7, 3, new int[0], 5, 2, new int[0]);
        checkInt("int 0-d", new int[0], 7, 6, new int[0], 5, 4, new int[0]);
        checkFloat("empty", new int[] {3, 0, 2}, 4, 0, new int[] {0, 2, 1}, 4, 0, new int[] {0, 2, 1});
        checkFloat("size-1 dimensions", new int[] {1, 5, 1}, 5, 0, new int[] {99, 1, 99}, 6, 1, new int[] {0, 1, 0});
    }

    @Test
    void badArgumentsFail() {
        Buffer floats = upload(randomFloats(12, 1));
        Buffer ints = upload(new int[12]);
        int[] shape = {3, 4};
        int[] dense = {4, 1};
        assertThrows(IllegalArgumentException.class, () -> backend().copy(shape, floats, 0, dense, ints, 0, dense));
        assertThrows(IllegalArgumentException.class, () -> backend().copy(shape, floats, 1, dense, floats, 0, dense));
        assertThrows(IllegalArgumentException.class, () -> backend().copy(shape, floats, 0, dense, floats, -1, dense));
        int[] rank1 = {4};
        assertThrows(IllegalArgumentException.class, () -> backend().copy(shape, floats, 0, rank1, floats, 0, dense));
        assertThrows(IllegalArgumentException.class,
                () -> backend().copy(shape, floats, 0, dense, backend().allocate(DType.FLOAT32, 11), 0, dense));
    }
}
