package org.jgrad.backend.device;

/**
 * The sizes the caching allocator hands out: requests round up to at least {@link #MIN_BYTES},
 * then to a quarter of their power of two (1024, 1280, 1536, 1792, 2048, 2560, ...), so a cached
 * block serves any request of its class and wastes under a quarter of itself.
 */
public final class SizeClasses {
    /** The smallest block; also the alignment every block keeps. */
    public static final long MIN_BYTES = 512;

    private SizeClasses() {
    }

    /** The class (block size in bytes) that serves a request of {@code bytes}; 0 for 0. */
    public static long classOf(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("allocate: negative size " + bytes + " bytes");
        }
        if (bytes == 0) {
            return 0;
        }
        if (bytes <= MIN_BYTES) {
            return MIN_BYTES;
        }
        int shift = 63 - Long.numberOfLeadingZeros(bytes - 1) - 2;
        return ((bytes + (1L << shift) - 1) >>> shift) << shift;
    }
}
