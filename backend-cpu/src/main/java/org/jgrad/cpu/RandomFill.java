package org.jgrad.cpu;

import org.jgrad.backend.Distribution;

/** PLACEHOLDER: filled in on its own branch; every method throws until then. */
final class RandomFill {
    private RandomFill() {
    }

    static void fill(Distribution dist, long seed, long offset, float a, float b, float[] out) { throw new UnsupportedOperationException("not implemented yet"); }
}
