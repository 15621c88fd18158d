package org.jgrad.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jgrad.DType;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.ConvGeometry;

/** im2col and col2im (conv.cu), the geometry passed as conv.cu's struct ConvArgs. */
final class Convolution {
    private final Launcher kernels;

    Convolution(Launcher kernels) {
        this.kernels = kernels;
    }

    void im2col(ConvGeometry g, float padValue, Buffer image, Buffer columns) {
        CudaBuffer img = convOperand("im2col", g, image, columns, true);
        CudaBuffer cols = convOperand("im2col", g, image, columns, false);
        kernels.launch1d("im2col_f32", (long) g.batch() * g.colRows() * g.colCols(), convArgs(g), padValue,
                img.pointer(), cols.pointer());
    }

    void col2im(ConvGeometry g, Buffer columns, Buffer image) {
        CudaBuffer img = convOperand("col2im", g, image, columns, true);
        CudaBuffer cols = convOperand("col2im", g, image, columns, false);
        kernels.launch1d("col2im_f32", (long) g.batch() * g.channels() * g.height() * g.width(), convArgs(g),
                cols.pointer(), img.pointer());
    }

    /** The image (or columns) buffer, checked to hold what the geometry addresses. */
    private static CudaBuffer convOperand(String op, ConvGeometry g, Buffer image, Buffer columns, boolean wantImage) {
        CudaBuffer img = CudaBuffer.of(image, DType.FLOAT32, op, "image");
        CudaBuffer cols = CudaBuffer.of(columns, DType.FLOAT32, op, "columns");
        Checks.atLeast(op, "image", img.length(), (long) g.batch() * g.channels() * g.height() * g.width(), g.toString());
        Checks.atLeast(op, "columns", cols.length(), (long) g.batch() * g.colRows() * g.colCols(), g.toString());
        return wantImage ? img : cols;
    }

    /** conv.cu's struct ConvArgs. */
    private static byte[] convArgs(ConvGeometry g) {
        return ByteBuffer.allocate(14 * 4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(g.batch()).putInt(g.channels()).putInt(g.height()).putInt(g.width())
                .putInt(g.kernelH()).putInt(g.kernelW()).putInt(g.strideH()).putInt(g.strideW())
                .putInt(g.padH()).putInt(g.padW()).putInt(g.dilationH()).putInt(g.dilationW())
                .putInt(g.outH()).putInt(g.outW()).array();
    }
}
