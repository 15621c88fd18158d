package org.jgrad.opencl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrad.DType;

/**
 * Gather and scatter-add along the middle axis. Indices are checked before anything is written:
 * on the host when the index buffer's range is known (written from the host, or made by argmax),
 * else by a device kernel that finds the first bad position, whose result is read back (a wait, as
 * for any value the host must see).
 */
final class IndexingOps {
    private final ClRuntime cl;
    private final ClBuffer firstBad;

    IndexingOps(ClRuntime cl, ClBuffer firstBad) {
        this.cl = cl;
        this.firstBad = firstBad;
    }

    void gather(ClBuffer src, int outer, int srcSize, int inner, ClBuffer index, int indexSize, ClBuffer out) {
        checkView("gather", "src", src, DType.FLOAT32, outer, srcSize, inner);
        checkView("gather", "out", out, DType.FLOAT32, outer, indexSize, inner);
        checkIndices("gather", index, outer, indexSize, inner, srcSize);
        long n = (long) outer * indexSize * inner;
        cl.launch("gather").i(outer).i(srcSize).i(inner).i(indexSize).mem(src).mem(index).mem(out).run1d(n);
    }

    void scatterAdd(ClBuffer src, int outer, int indexSize, int inner, ClBuffer index, int outSize, ClBuffer out) {
        checkView("scatterAdd", "src", src, DType.FLOAT32, outer, indexSize, inner);
        checkView("scatterAdd", "out", out, DType.FLOAT32, outer, outSize, inner);
        checkIndices("scatterAdd", index, outer, indexSize, inner, outSize);
        cl.launch("scatter_add").i(outer).i(indexSize).i(inner).i(outSize).mem(src).mem(index).mem(out)
                .run1d((long) outer * inner);
    }

    private void checkIndices(String op, ClBuffer index, int outer, int indexSize, int inner, int bound) {
        checkView(op, "index", index, DType.INT32, outer, indexSize, inner);
        int count = outer * indexSize * inner;
        if (count == 0 || IndexRange.within(index.knownRange(), bound)) {
            return;
        }
        cl.fill(firstBad.mem(), Integer.MAX_VALUE, 4);
        cl.launch("find_bad_index").i(count).i(bound).mem(index).mem(firstBad).run1d(count);
        int at = readInt(firstBad, 0);
        if (at == Integer.MAX_VALUE) {
            return;
        }
        int value = readInt(index, at);
        int i = at % inner;
        int j = at / inner % indexSize;
        int o = at / inner / indexSize;
        throw new IndexOutOfBoundsException(op + ": index " + value + " at position (" + o + ", " + j + ", " + i
                + ") of the (outer " + outer + ", size " + indexSize + ", inner " + inner
                + ") index is outside the valid range [0, " + bound + ")");
    }

    private int readInt(ClBuffer buffer, int at) {
        ByteBuffer word = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
        cl.read(buffer.mem(), 4L * at, word);
        return word.getInt(0);
    }

    private static void checkView(String op, String name, ClBuffer buffer, DType dtype, int outer, int size, int inner) {
        buffer.expect(dtype, op, name);
        if (outer < 0 || size < 0 || inner < 0) {
            throw new IllegalArgumentException(op + ": negative extent in (outer " + outer + ", size " + size
                    + ", inner " + inner + ")");
        }
        long needed = (long) outer * size * inner;
        if (buffer.length() < needed) {
            throw new IllegalArgumentException(op + ": " + name + " buffer has " + buffer.length()
                    + " elements, the view (outer " + outer + ", size " + size + ", inner " + inner + ") needs " + needed);
        }
    }
}
