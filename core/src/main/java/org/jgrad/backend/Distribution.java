package org.jgrad.backend;

/**
 * What a counter-based random fill draws. UNIFORM is on [a, b); NORMAL has mean a and standard
 * deviation b. The bits come from {@link Philox}, so every backend gives the same numbers.
 */
public enum Distribution {
    UNIFORM, NORMAL
}
