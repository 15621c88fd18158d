package org.jgrad.backend;

import org.jgrad.DType;

/**
 * A block of backend memory holding {@link #length()} elements of one {@link DType}. Opaque to
 * the core: only the backend that allocated it reads or writes it. Freed with {@link Backend#free}.
 */
public interface Buffer {
    DType dtype();

    /** Number of elements (not bytes). */
    int length();
}
