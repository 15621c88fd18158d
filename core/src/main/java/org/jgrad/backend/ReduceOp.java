package org.jgrad.backend;

/**
 * Reductions along one axis. SUM, MAX and MIN write FLOAT32; ARGMAX and ARGMIN write INT32 (the
 * first index of the extreme value, as PyTorch). MAX/MIN/ARGMAX/ARGMIN treat NaN as the extreme.
 */
public enum ReduceOp {
    SUM, MAX, MIN, ARGMAX, ARGMIN;

    /** Whether this reduction writes indices (INT32) rather than values (FLOAT32). */
    public boolean writesIndices() {
        return this == ARGMAX || this == ARGMIN;
    }
}
