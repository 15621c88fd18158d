package org.jgrad.backend.device;

/** A device allocation failed even after the caching allocator gave its cache back. */
public final class OutOfDeviceMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutOfDeviceMemoryException(String message) {
        super(message);
    }
}
