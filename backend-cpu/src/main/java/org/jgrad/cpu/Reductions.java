package org.jgrad.cpu;

import org.jgrad.backend.ReduceOp;

/** PLACEHOLDER: filled in on its own branch; every method throws until then. */
final class Reductions {
    private Reductions() {
    }

    static void reduce(ReduceOp op, float[] x, int outer, int size, int inner, CpuBuffer out) { throw new UnsupportedOperationException("not implemented yet"); }
}
