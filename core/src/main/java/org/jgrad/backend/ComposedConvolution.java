package org.jgrad.backend;

import org.jgrad.DType;

/**
 * {@link Backend#conv2d} and {@link Backend#conv2dBackward} composed from im2col, GEMM, col2im and
 * copy: the SPI's defaults, and the definition of the order of operations a direct kernel keeps.
 * The columns are {@link Backend#im2colAcrossBatch}'s (C*kH*kW, N*outH*outW), one GEMM per group
 * over the whole batch; the weight gradient is computed transposed, columns x grad^T (R x O/G), and
 * transposed back, so that the GEMM packs the small gradient, not the whole column matrix.
 */
final class ComposedConvolution {
    private ComposedConvolution() {
    }

    static void forward(Backend backend, ConvGeometry g, int outChannels, int groups, Buffer image, Buffer weight,
                        Buffer out) {
        Sizes s = new Sizes(g, outChannels, groups);
        Buffer columns = columns(backend, g, image);
        Buffer product = backend.allocateUninitialized(DType.FLOAT32, outChannels * s.windows);
        backend.gemm(new GemmShape(groups, s.perGroup, s.windows, s.rows, false, false, 1f, 0f,
                0, s.rows, (long) s.perGroup * s.rows, 0, s.windows, (long) s.rows * s.windows,
                0, s.windows, (long) s.perGroup * s.windows), weight, columns, product);
        backend.free(columns);
        // (O, N, P) to (N, O, P)
        backend.copy(s.imageMajor(), product, 0, s.channelMajorStrides(), out, 0, s.imageMajorStrides());
        backend.free(product);
    }

    static void backward(Backend backend, ConvGeometry g, int outChannels, int groups, Buffer image, Buffer weight,
                         Buffer grad, Buffer gradImage, Buffer gradWeight) {
        Sizes s = new Sizes(g, outChannels, groups);
        Buffer channelMajor = backend.allocateUninitialized(DType.FLOAT32, outChannels * s.windows);
        backend.copy(s.imageMajor(), grad, 0, s.imageMajorStrides(), channelMajor, 0, s.channelMajorStrides());
        if (gradImage != null) {
            Buffer columns = backend.allocateUninitialized(DType.FLOAT32, g.colRows() * s.windows);
            backend.gemm(new GemmShape(groups, s.rows, s.windows, s.perGroup, true, false, 1f, 0f,
                    0, s.rows, (long) s.perGroup * s.rows, 0, s.windows, (long) s.perGroup * s.windows,
                    0, s.windows, (long) s.rows * s.windows), weight, channelMajor, columns);
            backend.col2imAcrossBatch(g, columns, gradImage);
            backend.free(columns);
        }
        if (gradWeight != null) {
            Buffer columns = columns(backend, g, image);
            Buffer transposed = backend.allocateUninitialized(DType.FLOAT32, outChannels * s.rows);
            backend.gemm(new GemmShape(groups, s.rows, s.perGroup, s.windows, false, true, 1f, 0f,
                    0, s.windows, (long) s.rows * s.windows, 0, s.windows, (long) s.perGroup * s.windows,
                    0, s.perGroup, (long) s.rows * s.perGroup), columns, channelMajor, transposed);
            backend.free(columns);
            // (G, R, O/G) to (G, O/G, R)
            backend.copy(new int[] {groups, s.perGroup, s.rows}, transposed, 0,
                    new int[] {s.rows * s.perGroup, 1, s.perGroup}, gradWeight, 0,
                    new int[] {s.perGroup * s.rows, s.rows, 1});
            backend.free(transposed);
        }
        backend.free(channelMajor);
    }

    /** im2colAcrossBatch's columns of the image, zero padding, in a new buffer. */
    private static Buffer columns(Backend backend, ConvGeometry g, Buffer image) {
        Buffer columns = backend.allocateUninitialized(DType.FLOAT32, g.colRows() * g.batch() * g.colCols());
        backend.im2colAcrossBatch(g, 0f, image, columns);
        return columns;
    }

    /** The product's sizes: rows R = C/G*kH*kW per group, outputs per group, windows N*outH*outW. */
    private static final class Sizes {
        final int batch;
        final int outChannels;
        final int planeSize;
        final int rows;
        final int perGroup;
        final int windows;

        Sizes(ConvGeometry g, int outChannels, int groups) {
            if (groups < 1 || g.channels() % groups != 0 || outChannels % groups != 0) {
                throw new IllegalArgumentException("conv2d: " + g.channels() + " input and " + outChannels
                        + " output channels do not fit groups=" + groups);
            }
            this.batch = g.batch();
            this.outChannels = outChannels;
            this.planeSize = g.colCols();
            this.rows = g.colRows() / groups;
            this.perGroup = outChannels / groups;
            this.windows = g.batch() * planeSize;
        }

        /** (N, O, P): the shape the copies between the two layouts walk. */
        int[] imageMajor() {
            return new int[] {batch, outChannels, planeSize};
        }

        /** Strides of (n, o, p) in the layout (N, O, P). */
        int[] imageMajorStrides() {
            return new int[] {outChannels * planeSize, planeSize, 1};
        }

        /** Strides of (n, o, p) in the GEMM's layout (O, N, P). */
        int[] channelMajorStrides() {
            return new int[] {planeSize, windows, 1};
        }
    }
}
