package org.jgrad.cpu;


/** PLACEHOLDER: filled in on its own branch; every method throws until then. */
final class Indexing {
    private Indexing() {
    }

    static void gather(float[] src, int outer, int srcSize, int inner, int[] index, int indexSize, float[] out) { throw new UnsupportedOperationException("not implemented yet"); }

    static void scatterAdd(float[] src, int outer, int indexSize, int inner, int[] index, int outSize, float[] out) { throw new UnsupportedOperationException("not implemented yet"); }
}
