package org.jgrad.opencl;

import org.jgrad.DType;
import org.jgrad.backend.ConvGeometry;

/** im2col (one work-item per column element) and col2im (one per pixel, summing its taps: no atomics). */
final class ConvOps {
    private final ClRuntime cl;

    ConvOps(ClRuntime cl) {
        this.cl = cl;
    }

    void im2col(ConvGeometry g, float padValue, ClBuffer image, ClBuffer columns) {
        long n = check("im2col", g, image, columns);
        cl.launch("im2col").vector(geometry(g)).f(padValue).mem(image).mem(columns).i((int) n).run1d(n);
    }

    void col2im(ConvGeometry g, ClBuffer columns, ClBuffer image) {
        check("col2im", g, image, columns);
        long pixels = (long) g.batch() * g.channels() * g.height() * g.width();
        cl.launch("col2im").vector(geometry(g)).mem(columns).mem(image).i((int) pixels).run1d(pixels);
    }

    /** The int16 the kernels read: the geometry's twelve numbers, then outH and outW. */
    private static int[] geometry(ConvGeometry g) {
        return new int[] {g.batch(), g.channels(), g.height(), g.width(), g.kernelH(), g.kernelW(), g.strideH(),
            g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW(), g.outH(), g.outW(), 0, 0};
    }

    /** Checks both buffers and returns the number of column elements. */
    private static long check(String op, ConvGeometry g, ClBuffer image, ClBuffer columns) {
        image.expect(DType.FLOAT32, op, "image");
        columns.expect(DType.FLOAT32, op, "columns");
        long imageNeeded = (long) g.batch() * g.channels() * g.height() * g.width();
        long columnsNeeded = (long) g.batch() * g.colRows() * g.colCols();
        if (image.length() < imageNeeded) {
            throw new IllegalArgumentException(op + ": image buffer has " + image.length() + " elements, " + g
                    + " needs batch*channels*height*width = " + imageNeeded);
        }
        if (columns.length() < columnsNeeded) {
            throw new IllegalArgumentException(op + ": columns buffer has " + columns.length() + " elements, " + g
                    + " needs batch*channels*kernelH*kernelW*outH*outW = " + columnsNeeded);
        }
        return columnsNeeded;
    }
}
