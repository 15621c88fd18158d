package org.jgrad.cpu;

import org.jgrad.backend.ConvGeometry;

/** PLACEHOLDER: filled in on its own branch; every method throws until then. */
final class Im2Col {
    private Im2Col() {
    }

    static void im2col(ConvGeometry g, float padValue, float[] image, float[] columns) { throw new UnsupportedOperationException("not implemented yet"); }

    static void col2im(ConvGeometry g, float[] columns, float[] image) { throw new UnsupportedOperationException("not implemented yet"); }
}
