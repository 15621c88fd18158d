package org.jgrad.cuda;

import org.jgrad.DType;
import org.jgrad.backend.Buffer;

/**
 * Gather and scatter-add. The SPI asks that a bad index throw, naming it, before anything is
 * written; the GPU finds the first bad position (check_indices) and the host reads that one int,
 * which waits for the stream: the price of the synchronous error. {@code -Djgrad.cuda.checkIndices=false}
 * skips the check (a bad index then reads or writes out of bounds).
 */
final class Indexing {
    private static final boolean CHECK = !"false".equals(System.getProperty("jgrad.cuda.checkIndices"));
    private final Launcher kernels;
    private final Transfers transfers;
    private final CudaBuffer firstBad;

    Indexing(Launcher kernels, Transfers transfers, CudaBuffer firstBad) {
        this.kernels = kernels;
        this.transfers = transfers;
        this.firstBad = firstBad;
    }

    void gather(Buffer src, int outer, int srcSize, int inner, Buffer index, int indexSize, Buffer out) {
        CudaBuffer s = shaped("gather", "src", src, DType.FLOAT32, outer, srcSize, inner);
        CudaBuffer i = shaped("gather", "index", index, DType.INT32, outer, indexSize, inner);
        CudaBuffer o = shaped("gather", "out", out, DType.FLOAT32, outer, indexSize, inner);
        checkIndices("gather", i, outer, indexSize, inner, srcSize);
        kernels.launch1d("gather_f32", i.length(), s.pointer(), outer, srcSize, inner, i.pointer(), indexSize, o.pointer());
    }

    void scatterAdd(Buffer src, int outer, int indexSize, int inner, Buffer index, int outSize, Buffer out) {
        CudaBuffer s = shaped("scatterAdd", "src", src, DType.FLOAT32, outer, indexSize, inner);
        CudaBuffer i = shaped("scatterAdd", "index", index, DType.INT32, outer, indexSize, inner);
        CudaBuffer o = shaped("scatterAdd", "out", out, DType.FLOAT32, outer, outSize, inner);
        checkIndices("scatterAdd", i, outer, indexSize, inner, outSize);
        kernels.launch1d("scatter_add_f32", (long) outer * inner, s.pointer(), outer, indexSize, inner, i.pointer(),
                outSize, o.pointer());
    }

    private static CudaBuffer shaped(String op, String name, Buffer buffer, DType dtype, int outer, int size, int inner) {
        CudaBuffer b = CudaBuffer.of(buffer, dtype, op, name);
        if (outer < 0 || size < 0 || inner < 0) {
            throw new IllegalArgumentException(op + ": negative size in (outer " + outer + ", size " + size + ", inner "
                    + inner + ")");
        }
        Checks.length(op, name + " viewed as (outer " + outer + ", size " + size + ", inner " + inner + ")", b.length(),
                (long) outer * size * inner);
        return b;
    }

    private void checkIndices(String op, CudaBuffer index, int outer, int indexSize, int inner, int bound) {
        int n = index.length();
        if (!CHECK || n == 0) {
            return;
        }
        kernels.launch1d("fill_u32", 1, firstBad.pointer(), n, 1);
        kernels.launch1d("check_indices", n, index.pointer(), n, bound, firstBad.pointer());
        int at = transfers.readInt(firstBad, 0);
        if (at < n) {
            int value = transfers.readInt(index, at);
            throw new IndexOutOfBoundsException(op + ": index " + value + " at position (" + at / inner / indexSize
                    + ", " + at / inner % indexSize + ", " + at % inner + ") of the (outer " + outer + ", size "
                    + indexSize + ", inner " + inner + ") index is outside the valid range [0, " + bound + ")");
        }
    }
}
